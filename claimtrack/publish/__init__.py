"""Publishing: the one ClaimReview builder, and the static site of published fact-checks."""
