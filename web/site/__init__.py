"""What every page of the site shares: extensions, the logged-in user, error pages and the
checks on query strings."""
