namespace GpuPool.Prediction.Evaluation;

/// <summary>
/// A leave-one-kernel-out fold split by whose NP was predicted: the held-out kernel's own NP beside
/// known partners, and its partners' NP beside it. The bias (mean predicted - measured) tells a
/// kernel the model cannot place (own) from an aggressor harsher than any it trained on (partners,
/// positive). Each side's MAE is over its own samples.
/// </summary>
public sealed record HeldOutKernelScore(string Kernel, int OwnSamples, double OwnMae, double OwnBias, int PartnerSamples, double PartnerMae, double PartnerBias);
