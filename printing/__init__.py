"""Label and document rendering and printer backends (planned: issue 4). Qt-free."""
