"""pytest setup: the package from this checkout, the built library from
$LIBCLAIMS_LIBRARY (meson test sets it), and the example and seed stories."""
import os
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
PKG_ROOT = os.path.dirname(HERE)
ROOT = os.path.dirname(os.path.dirname(PKG_ROOT))
sys.path.insert(0, PKG_ROOT)


@pytest.fixture
def example_dir():
    return os.path.join(ROOT, "examples", "drone-deal")


@pytest.fixture
def seeds_dir():
    """The seed story, beside the checkout as ../shared/seeds (as in CI)."""
    d = os.path.join(ROOT, "..", "shared", "seeds")
    if not os.path.isdir(d):
        if os.environ.get("CI"):
            pytest.fail(f"the seed story is missing: {d}")
        pytest.skip(f"the seed story is not beside this checkout ({d})")
    return d
