"""Reports over a ledger: plain functions that take a ``Ledger`` and an as-of day, return tables."""

from claimtrack.report.status import claim_table, status_table
from claimtrack.report.table import Table, UnknownFormat, formats

__all__ = ["Table", "UnknownFormat", "claim_table", "formats", "status_table"]
