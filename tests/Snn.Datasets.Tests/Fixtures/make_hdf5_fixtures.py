"""Writes the tiny HDF5 fixtures of Snn.Datasets.Tests in the layout of the Heidelberg spiking
data sets (SHD/SSC, Cramer et al. 2020). Run with Debian's python3-h5py:

    /usr/bin/python3 make_hdf5_fixtures.py

The outputs are committed; the tests never run this script.
"""
import h5py
import numpy as np

VLEN_F16 = h5py.vlen_dtype(np.dtype("float16"))
VLEN_U16 = h5py.vlen_dtype(np.dtype("uint16"))

# Three samples; the second is empty (PureHDF needs a guard for zero-length rows).
TIMES = [
    [0.0, 0.1, 0.125, 0.5, 0.75],
    [],
    [0.25, 0.3, 1.0],
]
UNITS = [
    [0, 699, 12, 350, 12],
    [],
    [5, 6, 7],
]
LABELS = [3, 0, 19]
SPEAKERS = [1, 2, 11]
KEYS = [b"zero", b"one", b"two", b"three", b"four", b"five", b"six", b"seven", b"eight", b"nine",
        b"null", b"eins", b"zwei", b"drei", b"vier", b"fuenf", b"sechs", b"sieben", b"acht", b"neun"]


def write_layout(path, times, units, labels, libver="earliest"):
    with h5py.File(path, "w", libver=libver) as f:
        t = f.create_dataset("spikes/times", (len(times),), dtype=VLEN_F16)
        u = f.create_dataset("spikes/units", (len(units),), dtype=VLEN_U16)
        for i, (row_t, row_u) in enumerate(zip(times, units)):
            t[i] = np.array(row_t, dtype=np.float16)
            u[i] = np.array(row_u, dtype=np.uint16)
        f.create_dataset("labels", data=np.array(labels, dtype=np.uint16))
        f.create_dataset("extra/speaker", data=np.array(SPEAKERS[: len(labels)], dtype=np.uint16))
        f.create_dataset("extra/keys", data=np.array(KEYS, dtype="S"))
        f.create_dataset("extra/meta_info/gender", data=np.array([b"female", b"male", b"female"], dtype="S"))
        f.create_dataset("extra/meta_info/age", data=np.array([25, 31, 47], dtype=np.uint16))
        f.create_dataset("extra/meta_info/body_height", data=np.array([170, 182, 165], dtype=np.uint16))


# The main fixture uses h5py's default (earliest) file format, as the published SHD/SSC files do;
# the error fixtures use the latest format, which is smaller and exercises PureHDF's newer decoders.
write_layout("shd-tiny.h5", TIMES, UNITS, LABELS)

# A label array one element short of the spike rows: the reader must name both shapes.
write_layout("shd-label-count-mismatch.h5", TIMES, UNITS, LABELS[:2], "latest")

# A row whose times and units differ in length.
write_layout("shd-row-mismatch.h5", TIMES, [[0, 699, 12, 350], [], [5, 6, 7]], LABELS, "latest")

# Labels stored as a 2-D array.
with h5py.File("shd-labels-2d.h5", "w", libver="latest") as f:
    t = f.create_dataset("spikes/times", (3,), dtype=VLEN_F16)
    u = f.create_dataset("spikes/units", (3,), dtype=VLEN_U16)
    for i in range(3):
        t[i] = np.array(TIMES[i], dtype=np.float16)
        u[i] = np.array(UNITS[i], dtype=np.uint16)
    f.create_dataset("labels", data=np.array([[3, 0, 19]], dtype=np.uint16))

# A 3 KB file that declares 600 million rows: every data set is created without storage, so the
# file holds only headers. A reader must refuse it from the declared sizes, not allocate them.
with h5py.File("shd-declares-600m-rows.h5", "w", libver="latest") as f:
    f.create_dataset("spikes/times", (600_000_000,), dtype=VLEN_F16)
    f.create_dataset("spikes/units", (600_000_000,), dtype=VLEN_U16)
    f.create_dataset("labels", (600_000_000,), dtype=np.uint16)
