"""What runs around a build, never inside it: the strict build and the link ledger command."""
