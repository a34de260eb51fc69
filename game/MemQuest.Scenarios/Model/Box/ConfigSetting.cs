// One line of a service's config file: the key as the real program spells it
// (innodb_buffer_pool_size), the workload parameter it sets (buffer_pool_kb) and its value as written.
using MemQuest.Scenarios.Model.Box;

namespace MemQuest.Scenarios.Model.Box;

public sealed record ConfigSetting(string Key, string Param, string Value);
