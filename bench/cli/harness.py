#!/usr/bin/env python3
"""Times whole processes, interleaved: each round runs every command once, in a rotating order.

    bench/cli/harness.py [--runs N] [--warmup N] [--peer NAME] NAME=COMMAND [NAME=COMMAND ...]

COMMAND is a shell command (run with /bin/sh -c, stdout and stderr discarded; a command that exits
non-zero aborts the run). Prints, per command, the median and [min-max] of the wall time and of the
process tree's CPU time (user + system), and each median's ratio to the --peer command's (default:
the last one), then the load average at the end. Warm-up rounds (default 2) are not counted.
"""
import argparse
import os
import resource
import statistics
import subprocess
import sys
import time


def run_once(command):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(["/bin/sh", "-c", command], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit("command failed (exit %d): %s\n%s" % (done.returncode, command,
                                                        done.stderr.decode(errors="replace")))
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall * 1000, cpu * 1000


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--peer")
    parser.add_argument("commands", nargs="+")
    args = parser.parse_args()
    named = []
    for spec in args.commands:
        name, _, command = spec.partition("=")
        named.append((name, command))
    peer = args.peer or named[-1][0]
    samples = {name: ([], []) for name, _ in named}
    load_start = os.getloadavg()
    for round_no in range(args.warmup + args.runs):
        shift = round_no % len(named)
        for name, command in named[shift:] + named[:shift]:
            wall, cpu = run_once(command)
            if round_no >= args.warmup:
                samples[name][0].append(wall)
                samples[name][1].append(cpu)
    load_end = os.getloadavg()
    peer_wall = statistics.median(samples[peer][0])
    peer_cpu = statistics.median(samples[peer][1])
    print("| command | wall ms, median [min-max] | CPU ms, median [min-max] | wall / %s | CPU / %s |" % (peer, peer))
    print("|---|---:|---:|---:|---:|")
    for name, _ in named:
        wall, cpu = samples[name]
        print("| %s | %.0f [%.0f-%.0f] | %.0f [%.0f-%.0f] | %.2fx | %.2fx |" % (
            name, statistics.median(wall), min(wall), max(wall), statistics.median(cpu), min(cpu), max(cpu),
            statistics.median(wall) / peer_wall, statistics.median(cpu) / peer_cpu))
    print()
    print("%d interleaved rounds after %d warm-up rounds; load average %.2f %.2f %.2f at the start, "
          "%.2f %.2f %.2f at the end" % ((args.runs, args.warmup) + load_start + load_end))


if __name__ == "__main__":
    main()
