"""create products table

Revision ID: 9b8d7e6f5a41
Revises: 4f1c2a9e7b30
Create Date: 2023-02-20 16:03:11.902377

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '9b8d7e6f5a41'
down_revision = '4f1c2a9e7b30'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'products',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column('description', sa.Text(), nullable=True),
        sa.Column('price', sa.Numeric(precision=10, scale=2), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
        sa.CheckConstraint('price >= 0', name='ck_products_price_positive'),
        sa.PrimaryKeyConstraint('id'),
    )


def downgrade():
    op.drop_table('products')
