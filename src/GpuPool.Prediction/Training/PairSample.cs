namespace GpuPool.Prediction.Training;

/// <summary>
/// One training or test sample: the NP of <see cref="Kernel"/> beside <see cref="Partner"/> in
/// co-run row <see cref="Row"/> of the data set. Each row yields two samples (x = A and x = B).
/// </summary>
public sealed record PairSample(int Row, string Kernel, string Partner, float[] Features, float Label);
