namespace Snn.Backends.Onnx;

/// <summary>How the fast form stores its synaptic weight tensors.</summary>
public enum OnnxWeightPrecision
{
    /// <summary>32-bit floats, the engine's own weights (default).</summary>
    Float32,

    /// <summary>
    /// IEEE half precision: the weight tensors take half the bytes, and each is followed by a Cast to
    /// float32, which ONNX Runtime folds into a float32 constant when it loads the model; state and
    /// arithmetic stay float32 (ONNX Runtime's CPU provider has no float16 matrix kernels on x64: it
    /// casts float16 operands to float32 on every run, which is slower than float32). Each weight is
    /// rounded to the nearest half (about 3 significant digits), so membranes move by that much and
    /// a spike near threshold can move; weights beyond ±65504 are rejected. Fast form only.
    /// </summary>
    Float16,
}
