"""Verification reports (md, html, json, csv, ClaimReview JSON-LD), streamed."""

from claimtrack.reports.writers import FORMATS, SCHEMA, ReportError, write_report

__all__ = ["FORMATS", "SCHEMA", "ReportError", "write_report"]
