"""Guards: plain functions that return problems (``file:line: problem; fix``); never write files."""
