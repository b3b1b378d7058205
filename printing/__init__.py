"""Label and document rendering and printer backends. Qt-free."""
