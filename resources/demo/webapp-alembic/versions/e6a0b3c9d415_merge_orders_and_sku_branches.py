"""merge orders and sku branches

Revision ID: e6a0b3c9d415
Revises: c3e5a7f9b1d2, d72e14b0a6c8
Create Date: 2023-03-20 11:05:48.637201

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'e6a0b3c9d415'
down_revision = ('c3e5a7f9b1d2', 'd72e14b0a6c8')
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
