"""The run history: every run recorded in a local SQLite database (schema, store, the recording callback)."""
