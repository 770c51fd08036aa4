"""Read what the user's documents say and compare it with the case (issue #13)."""
