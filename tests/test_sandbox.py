"""No network access at run time, no writes outside the paths the caller gives.

A realistic session (synthetic data, standardise, dedupe, a Linker saved to and loaded
from a caller's path, link_cases, outcomes, time_to_outcome, charts saved as PNG and SVG)
runs in a child process with an empty working directory and ``HOME`` and ``TMPDIR``
pointing at empty temporary folders. Three layers watch it:

1. A ``sys.addaudithook`` records every network event (``socket.connect``, ``bind``,
   ``getaddrinfo``, ``gethostbyname``, ``sendto`` ..., and the creation of an IPv4 or
   IPv6 socket; it also makes them fail) and
   every ``open`` in a write mode, plus mkdir, rename, remove and the like. This sees
   everything done through Python: caselink's own modules, polars' and altair's Python
   code, the standard library.
2. Audit hooks do not see what native code (our Rust core, polars' Rust engine,
   vl-convert's Rust renderer) does through the C library. For the network, on Linux
   x86-64 and aarch64 the child also installs a seccomp filter that kills the process
   (SIGSYS) the moment any thread, Python or native, creates an IPv4 or IPv6 socket; so
   no DNS lookup, connection or listener can happen unnoticed. Elsewhere this layer is
   skipped and the audit hook alone applies.
3. For native file writes, the directories a stray write would land in are listed
   before and after: the working directory, ``HOME`` and ``TMPDIR`` must stay empty,
   the output folder must hold exactly the files asked for, and the installed package
   must be unchanged (apart from ``__pycache__``). Rust's ``std::env::temp_dir`` and
   any cache under ``HOME`` follow those variables, so they are covered too.

The only writes allowed outside the output folder are the interpreter's own bytecode
caches (``__pycache__/*.pyc``, written by the import system when a module is first
imported; nothing caselink asks for, and absent once the package has been imported).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import caselink

# The child: guards first (before polars starts its thread pool, so every thread inherits
# the seccomp filter), then the session, then a JSON report on the last line of stdout.
CHILD = r"""
import ctypes, json, os, platform, socket, struct, sys

out = sys.argv[1]
seccomp = "off"
ARCH = {"x86_64": (0xC000003E, 41), "aarch64": (0xC00000B7, 198)}  # audit arch, socket()
if sys.platform == "linux" and platform.machine() in ARCH:
    arch, nr = ARCH[platform.machine()]

    def ins(code, jt, jf, k):
        return struct.pack("HBBI", code, jt, jf, k)

    LD, JEQ, RET = 0x20, 0x15, 0x06  # BPF_LD|W|ABS, BPF_JMP|JEQ|K, BPF_RET|K
    ALLOW, KILL = 0x7FFF0000, 0x80000000  # SECCOMP_RET_ALLOW, SECCOMP_RET_KILL_PROCESS
    prog = b"".join([
        ins(LD, 0, 0, 4), ins(JEQ, 0, 5, arch),  # another ABI: allow
        ins(LD, 0, 0, 0), ins(JEQ, 0, 3, nr),  # not socket(): allow
        ins(LD, 0, 0, 16),  # socket()'s first argument, the address family
        ins(JEQ, 2, 0, socket.AF_INET), ins(JEQ, 1, 0, socket.AF_INET6),
        ins(RET, 0, 0, ALLOW), ins(RET, 0, 0, KILL),
    ])
    buf = ctypes.create_string_buffer(prog)

    class Fprog(ctypes.Structure):
        _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]

    fprog = Fprog(len(prog) // 8, ctypes.addressof(buf))
    libc = ctypes.CDLL(None, use_errno=True)
    if (libc.prctl(38, 1, 0, 0, 0) == 0  # PR_SET_NO_NEW_PRIVS
            and libc.prctl(22, 2, ctypes.byref(fprog), 0, 0) == 0):  # PR_SET_SECCOMP
        seccomp = "on"

sockets, writes = [], []
WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
PATH_EVENTS = {"os.mkdir", "os.rename", "os.replace", "os.remove", "os.rmdir", "os.link",
               "os.symlink", "os.truncate", "shutil.copyfile", "shutil.move", "shutil.rmtree"}


def where(path):
    if isinstance(path, int):  # an already open descriptor: its open was recorded
        return None
    return os.path.abspath(os.fsdecode(path))


NET_EVENTS = {"socket.connect", "socket.bind", "socket.getaddrinfo", "socket.getnameinfo",
              "socket.gethostbyname", "socket.gethostbyaddr", "socket.sendto", "socket.sendmsg"}
INET = (socket.AF_INET, socket.AF_INET6)


def hook(event, args):
    if event in NET_EVENTS or (event == "socket.__new__" and args[1] in INET):
        sockets.append(f"{event} {args!r}")
        raise RuntimeError(f"caselink tried the network: {event} {args!r}")
    if event == "open":
        path, mode, flags = args
        if (mode and any(c in mode for c in "wax+")) or (flags and flags & WRITE_FLAGS):
            if (p := where(path)) is not None:
                writes.append(p)
    elif event in PATH_EVENTS:
        for path in args[:2]:
            if isinstance(path, (str, bytes, os.PathLike)):
                writes.append(where(path))


sys.addaudithook(hook)

import datetime as dt
import polars as pl
import caselink
from caselink import charts

data = caselink.datasets.synthetic(people=300, seed=11)
records = data.records.drop("true_person_id")
std = caselink.standardise(records)
res = caselink.dedupe(records, progress=False)
saved = res.linker.save(os.path.join(out, "linker.json"))
linker = caselink.Linker.load(saved)
found = linker.match(records.head(3), against=res)
nets = caselink.link_cases(data.cases, data.case_subjects, data.case_objects, res)
table = caselink.outcomes(data.events, entities=res, networks=nets, cases=data.cases,
                          as_of=data.truth.as_of)
tto = caselink.time_to_outcome(data.events, cases=data.cases, as_of=data.truth.as_of)
charts.save(charts.time_to_outcome(tto), os.path.join(out, "tto.png"))
charts.save(charts.cluster_sizes(res.clusters), os.path.join(out, "clusters.svg"))
table.write_parquet(os.path.join(out, "outcomes.parquet"))
assert std.height == records.height == res.clusters.height
assert found.height > 0 and nets.networks.height > 0 and table.height > 0
print(json.dumps({"seccomp": seccomp, "sockets": sockets, "writes": writes}))
"""

EXPECTED_OUTPUTS = {"linker.json", "tto.png", "clusters.svg", "outcomes.parquet"}


def _listing(root: Path, skip_pycache: bool = False) -> dict[str, tuple[int, int]]:
    """Every file and folder under ``root``: relative path -> (size, mtime in ns)."""
    found = {}
    for folder, dirs, files in os.walk(root):
        if skip_pycache:
            dirs[:] = [d for d in dirs if d != "__pycache__"]
        for name in dirs + files:
            path = Path(folder, name)
            stat = path.lstat()
            found[str(path.relative_to(root))] = (stat.st_size, stat.st_mtime_ns)
    return found


def _is_bytecode_cache(path: str) -> bool:
    return Path(path).parent.name == "__pycache__" and path.endswith(".pyc")


def test_a_session_uses_no_network_and_writes_only_where_asked(tmp_path: Path) -> None:
    cwd, home, tmp, out = (tmp_path / name for name in ("cwd", "home", "tmp", "out"))
    for folder in (cwd, home, tmp, out):
        folder.mkdir()
    package = Path(caselink.__file__).parent
    package_before = _listing(package, skip_pycache=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "CASELINK_"))}
    env.update(HOME=str(home), TMPDIR=str(tmp), TMP=str(tmp), TEMP=str(tmp))

    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(out)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )

    assert done.returncode != -31, "a native thread created an IPv4/IPv6 socket (seccomp)"
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["sockets"] == []
    stray = [
        p for p in report["writes"] if not Path(p).is_relative_to(out) and not _is_bytecode_cache(p)
    ]
    assert stray == [], stray
    # The hook sees the files written from Python (the linker, the chart bytes from
    # vl-convert); the Parquet file is written by polars' Rust engine, which it cannot see:
    # that one is covered by the listings below.
    seen = {Path(p).name for p in report["writes"] if Path(p).is_relative_to(out)}
    assert seen >= {"linker.json", "tto.png", "clusters.svg"}
    # Native writes: nothing appeared anywhere else we can list.
    assert _listing(cwd) == {}
    assert _listing(home) == {}
    assert _listing(tmp) == {}
    assert set(_listing(out)) == EXPECTED_OUTPUTS
    assert all(size > 0 for size, _ in _listing(out).values())
    assert _listing(package, skip_pycache=True) == package_before
    if sys.platform == "linux" and os.uname().machine in ("x86_64", "aarch64"):
        assert report["seccomp"] == "on"


def test_the_guards_catch_what_they_claim(tmp_path: Path) -> None:
    """The watchers are live: a Python connection is reported by the hook, and a native
    socket (here from ``ctypes``, as Rust code would make it) kills the child."""
    guards = CHILD.split("import datetime as dt")[0]
    python_net = guards + (
        "try:\n    socket.getaddrinfo('example.org', 443)\nexcept RuntimeError:\n    pass\n"
        "open(os.path.join(os.getcwd(), 'stray.txt'), 'w').close()\n"
        "print(json.dumps({'seccomp': seccomp, 'sockets': sockets, 'writes': writes}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", python_net, str(tmp_path)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["sockets"][0].startswith("socket.getaddrinfo ('example.org', 443")
    assert report["writes"] == [str(tmp_path / "stray.txt")]
    if report["seccomp"] == "on":
        native_net = guards + "ctypes.CDLL(None).socket(socket.AF_INET, socket.SOCK_STREAM, 0)\n"
        done = subprocess.run(
            [sys.executable, "-c", native_net, str(tmp_path)], capture_output=True, timeout=60
        )
        assert done.returncode == -31  # SIGSYS
