"""Ingest: turn files, directories and stdin into :class:`~provenance.models.Document` objects."""
