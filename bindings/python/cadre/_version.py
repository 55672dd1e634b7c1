"""Version of the Python binding. It follows the C library's version
(project(cadre VERSION ...) in the top-level CMakeLists.txt); the tests check
that the two agree."""

__version__ = "1.0.0"
