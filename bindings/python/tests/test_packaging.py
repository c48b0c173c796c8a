"""The package installs offline with Debian's python3 and setuptools, loads
the versioned library by its soname, and refuses another version."""
import os
import re
import shutil
import subprocess
import sys
import textwrap

import pytest

import libclaims

PKG_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ROOT = os.path.dirname(os.path.dirname(PKG_ROOT))


def library_path():
    path = os.environ.get("LIBCLAIMS_LIBRARY")
    if not path:
        pytest.skip("LIBCLAIMS_LIBRARY is not set (meson test sets it)")
    return os.path.abspath(path)


def test_versions_agree_with_meson_and_pyproject():
    meson = open(os.path.join(ROOT, "meson.build")).read()
    pyproject = open(os.path.join(PKG_ROOT, "pyproject.toml")).read()
    meson_version = re.search(r"version\s*:\s*'([^']+)'", meson).group(1)
    assert re.search(r'^version = "([^"]+)"', pyproject, re.M).group(1) == meson_version
    assert libclaims.__version__ == meson_version


def test_loads_the_versioned_soname_through_the_loader():
    lib_dir = os.path.dirname(library_path())
    assert os.path.exists(os.path.join(lib_dir, libclaims.SONAME))
    env = {k: v for k, v in os.environ.items() if k != "LIBCLAIMS_LIBRARY"}
    env["LD_LIBRARY_PATH"] = lib_dir
    env["PYTHONPATH"] = PKG_ROOT
    code = textwrap.dedent("""
        import libclaims
        print(libclaims.library_version())
        print([l.split()[-1] for l in open('/proc/self/maps') if 'libclaims.so' in l][0])
    """)
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                         check=True).stdout.split()
    assert out[0] == libclaims.__version__
    assert os.path.basename(out[1]).startswith(libclaims.SONAME)


def test_refuses_a_library_of_another_version(monkeypatch):
    from libclaims import _ffi
    monkeypatch.setattr(_ffi, "ABI_VERSION", (0, 99))
    with pytest.raises(libclaims.LibraryVersionError, match="needs 0.99"):
        _ffi.load(library_path())
    with pytest.raises(ImportError, match="LIBCLAIMS_LIBRARY"):
        _ffi.load("/nonexistent/libclaims.so.0.99")


def test_pip_installs_offline_into_a_venv(tmp_path):
    """What the README says: a venv that sees Debian's setuptools, then
    pip install --no-build-isolation --no-index."""
    src = tmp_path / "src"
    shutil.copytree(PKG_ROOT, src, ignore=shutil.ignore_patterns("__pycache__", "tests", "build",
                                                                 "*.egg-info"))
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)],
                   check=True)
    py = str(venv / "bin" / "python3")
    r = subprocess.run([py, "-m", "pip", "install", "--no-build-isolation", "--no-index",
                        "--no-cache-dir", "-q", str(src)], capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
    env = dict(os.environ, LIBCLAIMS_LIBRARY=library_path())
    env.pop("PYTHONPATH", None)
    out = subprocess.run([py, "-c", "import libclaims, libclaims.cluster; "
                          "print(libclaims.__file__); print(libclaims.library_version())"],
                         cwd=str(tmp_path), env=env, capture_output=True, text=True, check=True)
    where, version = out.stdout.split()
    assert where.startswith(str(venv)) and version == libclaims.__version__
    r = subprocess.run([py, "-m", "pip", "show", "libclaims"], capture_output=True, text=True)
    assert "Name: libclaims" in r.stdout
