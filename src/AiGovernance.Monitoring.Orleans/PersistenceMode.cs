namespace AiGovernance.Monitoring.Orleans;

/// <summary>Where the window grains keep their state and their closing reminders.</summary>
public enum PersistenceMode
{
    /// <summary>In the silo's memory: the embedded default; a restart forgets open windows.</summary>
    Memory,

    /// <summary>In a relational database through Orleans' ADO.NET providers (PostgreSQL): state and reminders survive the
    /// loss of any silo.</summary>
    AdoNet,
}
