// One line of a service's config file: the key as the real program spells it
// (innodb_buffer_pool_size), the workload parameter it sets (buffer_pool_kb) and its value as written.
namespace MemQuest.Scenarios.Model;

public sealed record ConfigSetting(string Key, string Param, string Value);
