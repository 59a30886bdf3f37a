"""Performance scripts: a synthetic data set and the API benchmark (``make bench``)."""
