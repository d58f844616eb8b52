"""add products sku and stock

Developed on a separate branch from the orders work, so this revision also
revises 9b8d7e6f5a41: the history has two heads until e6a0b3c9d415 merges them.

Revision ID: d72e14b0a6c8
Revises: 9b8d7e6f5a41
Create Date: 2023-03-16 14:22:05.114790

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'd72e14b0a6c8'
down_revision = '9b8d7e6f5a41'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('products', sa.Column('sku', sa.String(length=32), nullable=True))
    op.add_column('products', sa.Column('stock', sa.Integer(), server_default='0', nullable=False))
    op.create_unique_constraint('uq_products_sku', 'products', ['sku'])


def downgrade():
    op.drop_constraint('uq_products_sku', 'products', type_='unique')
    op.drop_column('products', 'stock')
    op.drop_column('products', 'sku')
