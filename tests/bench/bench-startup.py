#!/usr/bin/env python3
"""Start-up benchmark: time from exec to the first painted frame of the main window, and the
resident memory then, median of 10 runs under Xvfb, for Open 1688 and for a minimal
AdwApplicationWindow program built by the same project in the same run.

Usage: tests/bench/bench-startup.py BUILD_DIR [RUNS]
Targets: at most 1.5x the minimal program's time and at most +40 MB of its RSS.
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


def start_xvfb():
    read_fd, write_fd = os.pipe()
    xvfb = subprocess.Popen(['Xvfb', '-displayfd', str(write_fd), '-screen', '0', '1280x1024x24',
                             '-nolisten', 'tcp'], pass_fds=[write_fd], stderr=subprocess.DEVNULL)
    os.close(write_fd)
    with os.fdopen(read_fd) as f:
        display = f.readline().strip()
    return xvfb, ':' + display


def start_session_bus():
    """A private session bus, as on a desktop: without one GLib spawns dbus-launch."""
    bus = subprocess.Popen(['dbus-daemon', '--session', '--nofork', '--print-address=1'],
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    return bus, bus.stdout.readline().strip()


def run_once(argv, env):
    start = time.monotonic()
    process = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                               text=True)
    for line in process.stdout:
        if line.startswith('first-frame '):
            elapsed = time.monotonic() - start
            rss_kb = int(line.split()[1])
            break
    else:
        raise RuntimeError(f'{argv[0]} exited without a first frame')
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    return elapsed, rss_kb


def measure(name, argv, env, runs):
    times, rss = [], []
    run_once(argv, env)  # warm the page cache and the font cache
    for _ in range(runs):
        elapsed, rss_kb = run_once(argv, env)
        times.append(elapsed)
        rss.append(rss_kb)
    t = statistics.median(times) * 1000
    r = statistics.median(rss) / 1024
    print(f'{name:<22} first frame: median {t:7.1f} ms (min {min(times)*1000:.1f}, max {max(times)*1000:.1f})'
          f'   RSS: median {r:6.1f} MB')
    return t, r


def main():
    build = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else '_build')
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    scratch = tempfile.mkdtemp(prefix='open1688-bench-startup-')
    xvfb, display = start_xvfb()
    bus, bus_address = start_session_bus()
    try:
        runtime = os.path.join(scratch, 'runtime')
        os.makedirs(runtime, mode=0o700)
        env = dict(os.environ, DISPLAY=display, GSETTINGS_BACKEND='memory',
                   GSETTINGS_SCHEMA_DIR=os.path.join(build, 'data'),
                   OPEN1688_LOCALEDIR=os.path.join(build, 'po'),
                   XDG_DATA_HOME=os.path.join(scratch, 'data'),
                   XDG_CONFIG_HOME=os.path.join(scratch, 'config'),
                   XDG_CACHE_HOME=os.path.join(scratch, 'cache'),
                   XDG_RUNTIME_DIR=runtime, GSK_RENDERER='cairo', GTK_A11Y='none',
                   OPEN1688_BENCH_FIRST_FRAME='quit')
        env.pop('WAYLAND_DISPLAY', None)
        env['DBUS_SESSION_BUS_ADDRESS'] = bus_address
        print(f'{runs} runs each, Xvfb {display}, GSK_RENDERER=cairo, a private session bus')
        base_t, base_r = measure('minimal AdwApplication',
                                 [os.path.join(build, 'tests/bench/bench-startup-minimal')], env, runs)
        app_t, app_r = measure('Open 1688', [os.path.join(build, 'src/app/open1688')], env, runs)
        print(f'ratio: {app_t / base_t:.2f}x the time (target <= 1.5x), '
              f'{app_r - base_r:+.1f} MB RSS (target <= +40 MB)')
    finally:
        bus.terminate()
        bus.wait()
        xvfb.terminate()
        xvfb.wait()
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == '__main__':
    main()
