"""add orders status index and shipped_at

Revision ID: a51d9e3f6c27
Revises: f08c5d2e7a93
Create Date: 2024-01-15 17:52:39.208655

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'a51d9e3f6c27'
down_revision = 'f08c5d2e7a93'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('orders', sa.Column('shipped_at', sa.DateTime(timezone=True), nullable=True))
    op.create_index('ix_orders_status', 'orders', ['status'], unique=False)
    # Orders already marked shipped or delivered get their creation time as an
    # approximation; the real ship dates were never stored.
    op.execute(
        "UPDATE orders SET shipped_at = created_at "
        "WHERE status IN ('shipped', 'delivered') AND shipped_at IS NULL"
    )


def downgrade():
    op.drop_index('ix_orders_status', table_name='orders')
    op.drop_column('orders', 'shipped_at')
