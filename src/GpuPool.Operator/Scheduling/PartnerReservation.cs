using GpuPool.Core.Sharing;

namespace GpuPool.Operator.Scheduling;

/// <summary>
/// A partner promised by the pod already on a GPU: the job (namespace/name) and the setting it
/// must get there, so that the pair decided before a crash is completed instead of split.
/// </summary>
public sealed record PartnerReservation(string PartnerKey, SharingSetting Setting);
