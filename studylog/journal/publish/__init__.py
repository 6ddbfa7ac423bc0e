"""Publishing a day: the blog post and markdown out, JSON out and in, import of posts, backup."""
