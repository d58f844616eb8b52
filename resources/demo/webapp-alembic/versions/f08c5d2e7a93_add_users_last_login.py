"""add users last_login_at

Revision ID: f08c5d2e7a93
Revises: e6a0b3c9d415
Create Date: 2023-09-04 08:30:16.482913

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'f08c5d2e7a93'
down_revision = 'e6a0b3c9d415'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('users', sa.Column('last_login_at', sa.DateTime(timezone=True), nullable=True))


def downgrade():
    op.drop_column('users', 'last_login_at')
