//! How far a long task has come (issue 15: import, export, restore, a demo office), for the
//! window's progress bar. A task reports through a [`Reporter`]; the window sends each report as an
//! event; the command line passes [`silent`]. Reports are thinned to about one a percent (or one
//! per 4 MiB when the end is not known), so a fast task does not flood the window.

use serde::Serialize;
use std::io::{Read, Seek, SeekFrom, Write};
use std::sync::Arc;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Task {
    Export,
    Import,
    Restore,
    Demo,
}

/// What `done` and `total` count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    Bytes,
    Cases,
}

/// One report: `total` is none while the end is not known (an export's size).
#[derive(Debug, Clone, Serialize, TS)]
pub struct Progress {
    pub task: Task,
    pub unit: Unit,
    #[ts(type = "number")]
    pub done: u64,
    #[ts(type = "number | null")]
    pub total: Option<u64>,
}

pub type Reporter = Arc<dyn Fn(Progress) + Send + Sync>;

/// For the command line and tests: reports go nowhere.
pub fn silent() -> Reporter {
    Arc::new(|_| {})
}

const UNKNOWN_STEP: u64 = 4 << 20;

/// Reports `done` of `total` through `report`, thinned.
pub struct Meter {
    task: Task,
    unit: Unit,
    total: Option<u64>,
    report: Reporter,
    next: u64,
}

impl Meter {
    pub fn new(task: Task, unit: Unit, total: Option<u64>, report: Reporter) -> Meter {
        let mut m = Meter {
            task,
            unit,
            total,
            report,
            next: 0,
        };
        m.send(0);
        m.next = m.step();
        m
    }

    fn step(&self) -> u64 {
        match self.total {
            Some(t) => (t / 100).max(1),
            None => UNKNOWN_STEP,
        }
    }

    pub fn at(&mut self, done: u64) {
        if done >= self.next {
            // The next mark on the grid of steps: one report per percent crossed.
            let step = self.step();
            self.next = (done / step + 1) * step;
            self.send(done);
        }
    }

    fn send(&self, done: u64) {
        (self.report)(Progress {
            task: self.task,
            unit: self.unit,
            done: self.total.map_or(done, |t| done.min(t)),
            total: self.total,
        });
    }
}

/// A file read or written through a [`Meter`] of its bytes. Reading counts every byte read, also
/// when the reader goes back (an import reads a bundle twice: its signature, then its records),
/// so a reader's total is what all passes read.
pub struct Metered<T> {
    inner: T,
    passed: u64,
    meter: Meter,
}

impl<T> Metered<T> {
    pub fn new(inner: T, meter: Meter) -> Metered<T> {
        Metered {
            inner,
            passed: 0,
            meter,
        }
    }

    pub fn into_inner(self) -> T {
        self.inner
    }

    pub fn get_mut(&mut self) -> &mut T {
        &mut self.inner
    }

    fn count(&mut self, n: usize) {
        self.passed += n as u64;
        self.meter.at(self.passed);
    }
}

impl<T: Read> Read for Metered<T> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count(n);
        Ok(n)
    }
}

impl<T: Write> Write for Metered<T> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.count(n);
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

impl<T: Seek> Seek for Metered<T> {
    fn seek(&mut self, pos: SeekFrom) -> std::io::Result<u64> {
        self.inner.seek(pos)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    fn recorder() -> (Reporter, Arc<Mutex<Vec<Progress>>>) {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let s = seen.clone();
        (Arc::new(move |p| s.lock().unwrap().push(p)), seen)
    }

    #[test]
    fn a_known_total_is_reported_about_once_a_percent_and_never_past_it() {
        let (report, seen) = recorder();
        let data = vec![7u8; 10_000];
        let mut r = Metered::new(
            std::io::Cursor::new(data),
            Meter::new(Task::Import, Unit::Bytes, Some(20_000), report),
        );
        let mut sink = Vec::new();
        // Read twice, as an import does.
        for _ in 0..2 {
            r.seek(SeekFrom::Start(0)).unwrap();
            let mut chunk = [0u8; 37];
            loop {
                let n = r.read(&mut chunk).unwrap();
                if n == 0 {
                    break;
                }
                sink.extend_from_slice(&chunk[..n]);
            }
        }
        let seen = seen.lock().unwrap();
        assert_eq!(seen[0].done, 0);
        assert!(seen.len() >= 99 && seen.len() <= 102, "{}", seen.len());
        assert!(seen.windows(2).all(|w| w[0].done < w[1].done));
        assert!(seen.last().unwrap().done >= 19_800 && seen.last().unwrap().done <= 20_000);
        assert_eq!(sink.len(), 20_000);
    }

    #[test]
    fn an_unknown_total_is_reported_by_the_megabytes() {
        let (report, seen) = recorder();
        let mut w = Metered::new(
            Vec::new(),
            Meter::new(Task::Export, Unit::Bytes, None, report),
        );
        for _ in 0..10 {
            w.write_all(&vec![0u8; 1 << 20]).unwrap();
        }
        let seen = seen.lock().unwrap();
        let done: Vec<u64> = seen.iter().map(|p| p.done).collect();
        // One report each 4 MiB mark crossed (writes of 1 MiB).
        assert_eq!(done, vec![0, 4 << 20, 8 << 20], "{done:?}");
        assert!(seen.iter().all(|p| p.total.is_none()));
    }
}
