"""What a user does, written once: the HTML views and the API endpoints only translate HTTP
to these functions and back (forms and JSON in, pages and problem documents out)."""
