using System.CommandLine;

namespace MemQuest.App.Cli;

/// <summary>
/// <c>memquest profile ...</c>: create, list, export, import, reset and repair the save's
/// profiles. The root command adds the recursive <c>--saves DIR</c> option and passes it here.
/// </summary>
public static class ProfileCommand
{
    public static Command Create(Option<string?> savesOption) => Create(savesOption, ProfileCommandContext.FromProcess());

    internal static Command Create(Option<string?> savesOption, ProfileCommandContext context)
    {
        var actions = new ProfileActions(savesOption, context);
        var profile = new Command("profile", "Create, list, export, import, reset or repair player profiles.");
        profile.Subcommands.Add(CreateCommand(actions));
        profile.Subcommands.Add(ListCommand(actions));
        profile.Subcommands.Add(ExportCommand(actions));
        profile.Subcommands.Add(ImportCommand(actions));
        profile.Subcommands.Add(ResetCommand(actions));
        profile.Subcommands.Add(RepairCommand(actions));
        return profile;
    }

    private static Option<string?> ProfileOption() =>
        new("--profile") { Description = "Which profile (may be left out when there is only one)." };

    private static Command CreateCommand(ProfileActions actions)
    {
        var name = new Argument<string>("NAME") { Description = "The new profile's name (letters, digits, spaces, - _ .)." };
        var command = new Command("create", "Create a new profile.");
        command.Arguments.Add(name);
        command.SetAction(r => actions.Create(r, r.GetValue(name)!));
        return command;
    }

    private static Command ListCommand(ProfileActions actions)
    {
        var command = new Command("list", "List the profiles and their progress.");
        command.SetAction(actions.List);
        return command;
    }

    private static Command ExportCommand(ProfileActions actions)
    {
        var file = new Argument<string>("FILE") { Description = "The JSON file to write (must not exist yet)." };
        var profile = ProfileOption();
        var command = new Command("export", "Write one profile (progress, runs, settings) to a portable JSON file.");
        command.Arguments.Add(file);
        command.Options.Add(profile);
        command.SetAction(r => actions.Export(r, r.GetValue(file)!, r.GetValue(profile)));
        return command;
    }

    private static Command ImportCommand(ProfileActions actions)
    {
        var file = new Argument<string>("FILE") { Description = "A file written by 'memquest profile export'." };
        var asName = new Option<string?>("--as") { Description = "Import under this name instead of the one in the file." };
        var command = new Command("import", "Add a profile from an exported JSON file (checked fully before anything is saved).");
        command.Arguments.Add(file);
        command.Options.Add(asName);
        command.SetAction(r => actions.Import(r, r.GetValue(file)!, r.GetValue(asName)));
        return command;
    }

    private static Command ResetCommand(ProfileActions actions)
    {
        var incident = new Option<string?>("--incident") { Description = "Reset only this incident (default: every incident)." };
        var profile = ProfileOption();
        var yes = new Option<bool>("--yes") { Description = "Do not ask for confirmation." };
        var command = new Command("reset", "Forget progress, runs and unfinished play of one incident or of all.");
        command.Options.Add(incident);
        command.Options.Add(profile);
        command.Options.Add(yes);
        command.SetAction(r => actions.Reset(r, r.GetValue(incident), r.GetValue(profile), r.GetValue(yes)));
        return command;
    }

    private static Command RepairCommand(ProfileActions actions)
    {
        var rebuild = new Option<bool>("--rebuild") { Description = "Let LiteDB rebuild the damaged save, keeping what it can." };
        var fresh = new Option<bool>("--fresh") { Description = "Put the damaged save aside and start an empty one." };
        var command = new Command("repair", "Recover from a damaged save file (it is always kept as a copy).");
        command.Options.Add(rebuild);
        command.Options.Add(fresh);
        command.SetAction(r => actions.Repair(r, r.GetValue(rebuild), r.GetValue(fresh)));
        return command;
    }
}
