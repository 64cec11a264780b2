namespace GpuPool.Operator.Ports;

/// <summary>
/// An object the API server holds but the operator cannot read into its model (for example an
/// integer wider than the model's field, stored before the schema bounded it): what its metadata
/// says, so it can be flagged and skipped instead of failing the whole list.
/// </summary>
public sealed record UnreadableObject(string? Namespace, string Name, string? Uid, string? ResourceVersion, string Error)
{
    /// <summary>The cache key: "namespace/name", or "name" when cluster-scoped.</summary>
    public string Key => string.IsNullOrEmpty(Namespace) ? Name : Namespace + "/" + Name;
}
