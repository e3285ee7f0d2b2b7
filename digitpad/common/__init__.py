"""What every layer shares: the error types users see, and atomic file writes. No Qt, no numerics."""
