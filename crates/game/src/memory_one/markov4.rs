//! Arithmetic on the four-state Markov chains of memory-one matches: 4x4
//! matrices and vectors, powers and power sums, Gaussian elimination with
//! partial pivoting, and the communicating classes of a transition matrix.
//! Nothing here allocates or panics.

/// A 4x4 matrix, rows first.
pub(super) type Matrix = [[f64; 4]; 4];

/// The 4x4 identity.
pub(super) const IDENTITY: Matrix = [
    [1.0, 0.0, 0.0, 0.0],
    [0.0, 1.0, 0.0, 0.0],
    [0.0, 0.0, 1.0, 0.0],
    [0.0, 0.0, 0.0, 1.0],
];

/// The joint distribution of two independent moves, X cooperating with
/// probability `x` and Y with `y`, in table order.
pub(super) fn joint(x: f64, y: f64) -> [f64; 4] {
    [x * y, x * (1.0 - y), (1.0 - x) * y, (1.0 - x) * (1.0 - y)]
}

/// The dot product of two 4-vectors.
pub(super) fn dot(a: &[f64; 4], b: &[f64; 4]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// Rescales a non-negative vector to sum to 1 (left as is if it sums to 0).
pub(super) fn normalized(v: [f64; 4]) -> [f64; 4] {
    let sum: f64 = v.iter().sum();
    if sum > 0.0 { v.map(|x| x / sum) } else { v }
}

/// The row vector `v` times the matrix `m`.
pub(super) fn vec_mat(v: &[f64; 4], m: &Matrix) -> [f64; 4] {
    let mut out = [0.0; 4];
    for (i, vi) in v.iter().enumerate() {
        for j in 0..4 {
            out[j] += vi * m[i][j];
        }
    }
    out
}

/// The product `a b` of two 4x4 matrices.
pub(super) fn mat_mul(a: &Matrix, b: &Matrix) -> Matrix {
    let mut out = [[0.0; 4]; 4];
    for i in 0..4 {
        for k in 0..4 {
            for j in 0..4 {
                out[i][j] += a[i][k] * b[k][j];
            }
        }
    }
    out
}

/// The sum `a + b` of two 4x4 matrices.
pub(super) fn mat_add(a: &Matrix, b: &Matrix) -> Matrix {
    let mut out = *a;
    for i in 0..4 {
        for j in 0..4 {
            out[i][j] += b[i][j];
        }
    }
    out
}

/// `m^n` by repeated squaring.
pub(super) fn mat_pow(m: &Matrix, n: u32) -> Matrix {
    power_and_sum(m, n).0
}

/// `sum_{t < n} m^t` by repeated squaring.
pub(super) fn power_sum(m: &Matrix, n: u32) -> Matrix {
    power_and_sum(m, n).1
}

/// `(m^n, sum_{t < n} m^t)`, from the most significant bit of `n` down:
/// doubling uses `P_2k = P_k P_k` and `S_2k = S_k + P_k S_k`, a step up
/// uses `P_k+1 = P_k m` and `S_k+1 = S_k + P_k`. About `4 log2 n` matrix
/// products.
pub(super) fn power_and_sum(m: &Matrix, n: u32) -> (Matrix, Matrix) {
    let mut power = IDENTITY;
    let mut sum = [[0.0; 4]; 4];
    for bit in (0..32).rev() {
        if n >> bit == 0 {
            continue;
        }
        sum = mat_add(&sum, &mat_mul(&power, &sum));
        power = mat_mul(&power, &power);
        if (n >> bit) & 1 == 1 {
            sum = mat_add(&sum, &power);
            power = mat_mul(&power, m);
        }
    }
    (power, sum)
}

/// Solves the `n x n` system in the top-left corner of `a` (with right-hand
/// side `b`, `n <= 4`) by Gaussian elimination with partial pivoting.
/// Returns `None` when a pivot vanishes (a singular system) or the
/// solution is not finite.
pub(super) fn solve(mut a: Matrix, mut b: [f64; 4], n: usize) -> Option<[f64; 4]> {
    let scale = a
        .iter()
        .take(n)
        .flat_map(|row| row.iter().take(n))
        .fold(0.0_f64, |acc, x| acc.max(x.abs()));
    if scale == 0.0 {
        return if n == 0 { Some([0.0; 4]) } else { None };
    }
    for col in 0..n {
        // Partial pivoting: the row with the largest entry in this column.
        let pivot_row = (col..n).max_by(|&r, &s| a[r][col].abs().total_cmp(&a[s][col].abs()))?;
        if a[pivot_row][col].abs() <= scale * 1e-14 {
            return None;
        }
        a.swap(col, pivot_row);
        b.swap(col, pivot_row);
        let pivot = a[col];
        for row in col + 1..n {
            let factor = a[row][col] / pivot[col];
            if factor != 0.0 {
                for (entry, p) in a[row][col..n].iter_mut().zip(&pivot[col..n]) {
                    *entry -= factor * p;
                }
                b[row] -= factor * b[col];
            }
        }
    }
    let mut x = [0.0; 4];
    for row in (0..n).rev() {
        let tail: f64 = (row + 1..n).map(|k| a[row][k] * x[k]).sum();
        x[row] = (b[row] - tail) / a[row][row];
    }
    x.iter().all(|v| v.is_finite()).then_some(x)
}

/// A set of outcome indices, stored without allocation.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Vec4Index {
    pub(super) items: [usize; 4],
    pub(super) len: usize,
}

impl Vec4Index {
    /// The indices in increasing order.
    pub(super) fn iter(&self) -> std::slice::Iter<'_, usize> {
        self.items[..self.len].iter()
    }
}

/// The closed communicating classes of a chain: `class[i]` is the class of
/// recurrent outcome `i`, or `None` for a transient outcome.
#[derive(Clone, Copy, Debug)]
pub(super) struct Classes {
    pub(super) class: [Option<usize>; 4],
    pub(super) count: usize,
}

impl Classes {
    /// Finds the closed classes from the reachability relation of the
    /// positive transition probabilities: an outcome is recurrent when every
    /// outcome it can reach can reach it back.
    pub(super) fn of(m: &Matrix) -> Classes {
        let mut reach = [[false; 4]; 4];
        for i in 0..4 {
            for j in 0..4 {
                reach[i][j] = i == j || m[i][j] > 0.0;
            }
        }
        // Warshall's transitive closure.
        for k in 0..4 {
            for i in 0..4 {
                for j in 0..4 {
                    reach[i][j] = reach[i][j] || (reach[i][k] && reach[k][j]);
                }
            }
        }
        let mut class = [None; 4];
        let mut count = 0;
        for i in 0..4 {
            let recurrent = (0..4).all(|j| !reach[i][j] || reach[j][i]);
            if !recurrent || class[i].is_some() {
                continue;
            }
            for j in 0..4 {
                if reach[i][j] {
                    class[j] = Some(count);
                }
            }
            count += 1;
        }
        Classes { class, count }
    }

    /// The outcomes in class `c` (`Some`) or the transient ones (`None`).
    pub(super) fn members(&self, c: Option<usize>) -> Vec4Index {
        let mut set = Vec4Index::default();
        for i in 0..4 {
            if self.class[i] == c {
                set.items[set.len] = i;
                set.len += 1;
            }
        }
        set
    }
}
