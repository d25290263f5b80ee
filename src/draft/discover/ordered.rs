//! Counting runs by name while keeping the order they were first seen, without a
//! linear search per word (a 1 MB page has tens of thousands of runs).

use foldhash::HashMap;

/// A run and its counts: (mid-sentence, all, at a sentence's start).
pub type Run = (String, (usize, usize, usize));

#[derive(Default)]
pub struct Ordered {
    index: HashMap<String, usize>,
    runs: Vec<Run>,
}

impl Ordered {
    pub fn count(&mut self, run: String, mid: bool) {
        self.add(run, (usize::from(mid), 1, usize::from(!mid)));
    }

    /// Adds `counts` to `run`'s, or makes it the last run.
    pub fn add(&mut self, run: String, (mid, all, initial): (usize, usize, usize)) {
        // A run seen before is counted without a copy of it.
        let i = match self.index.get(&run) {
            Some(&i) => i,
            None => {
                let next = self.runs.len();
                self.index.insert(run.clone(), next);
                self.runs.push((run, (0, 0, 0)));
                next
            }
        };
        let counts = &mut self.runs[i].1;
        counts.0 += mid;
        counts.1 += all;
        counts.2 += initial;
    }

    pub fn into_iter(self) -> impl Iterator<Item = (String, (usize, usize, usize))> {
        self.runs.into_iter()
    }

    /// The runs in the order first seen, and where each stands in it.
    pub fn into_parts(self) -> (Vec<Run>, HashMap<String, usize>) {
        (self.runs, self.index)
    }
}
