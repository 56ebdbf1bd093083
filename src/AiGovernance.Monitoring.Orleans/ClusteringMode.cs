namespace AiGovernance.Monitoring.Orleans;

/// <summary>How the silo hosting the window grains finds the rest of its cluster.</summary>
public enum ClusteringMode
{
    /// <summary>One silo in the service's own process on the loopback address: the embedded default, no setup.</summary>
    Localhost,

    /// <summary>Membership in a relational database through Orleans' ADO.NET provider (PostgreSQL): many silos on many machines.</summary>
    AdoNet,
}
