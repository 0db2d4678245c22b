"""The words the pages show: the reader's language, dates the way people write them, and
the names of facts and values (from the domain's catalog)."""
