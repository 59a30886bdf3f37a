"""The composition layer: root URLs, the API's router, the home page and the sitemap.

The only part of ``nafta_tracker`` that imports the domain apps; the rest of the
package is plumbing they build on (``make lint`` checks both with import-linter).
"""
