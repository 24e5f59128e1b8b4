import OIDCWizardCore

/// What the wizard asks the app to do (the only I/O it needs): look at the output directory, write the files.
public enum WizardCommand: Hashable, Sendable {
    /// Which planned files exist already in `directory` (for "exists — will ask before replacing").
    case inspectOutput(directory: String, plan: OutputPlan)
    /// Write the plan atomically, replacing existing files only with `force` — the code path `generate` uses.
    case writeFiles(directory: String, plan: OutputPlan, force: Bool)
    /// Save an edited policy with `WriteBack.save` (edit mode).
    case saveEdit(EditSave)
}

/// The app's answers.
public enum WizardMessage: Hashable, Sendable {
    case inspected(directory: String, existing: [String])
    case written([String])
    case writeFailed(String)
    /// The edited policy was saved.
    case saved(WriteBack.Result)
    /// The save refused or failed (changed on disk, an older backup, …): the message says why and what to do.
    case saveFailed(String)
}

/// The interactive wizard as a `TerminalProgram`: `WizardState` holds everything, `update` (in WizardUpdate.swift)
/// turns keys into state changes and commands, `WizardView` draws.
public struct Wizard: TerminalProgram {
    public typealias Command = WizardCommand
    public typealias Message = WizardMessage

    public var state: WizardState

    public init(draft: SetupDraft = SetupDraft(), outputDirectory: String = ".") {
        state = WizardState(draft: draft, outputDirectory: outputDirectory)
    }

    /// Edits an existing policy: pre-filled from the session's draft, opening on the review step.
    public init(edit: EditContext) {
        state = WizardState(edit: edit)
    }

    public var minimumSize: Size { WizardLayout.minimumSize }

    public mutating func update(_ event: ProgramEvent<WizardMessage>) -> [Effect<WizardCommand>] {
        state.update(event)
    }

    public func render(into frame: inout Frame) {
        WizardView.render(state, into: &frame)
    }

    /// Exit code when the user quits after writing.
    public static let exitWritten: Int32 = 0
    /// Exit code when the user quits without writing anything (as an interrupted command reports it).
    public static let exitNothingWritten: Int32 = 130
}

/// Carries out the wizard's commands on the real file system, with `AtomicFileWriter` exactly as `generate` uses it.
public enum WizardFileSystem {
    public static func perform(_ command: WizardCommand) -> WizardMessage {
        switch command {
        case .inspectOutput(let directory, let plan):
            let writer = AtomicFileWriter(directory: directory)
            return .inspected(directory: directory, existing: writer.existingFiles(in: plan).map(\.relativePath))
        case .writeFiles(let directory, let plan, let force):
            do {
                return .written(try AtomicFileWriter(directory: directory).write(plan, force: force))
            } catch {
                return .writeFailed(error.description)
            }
        case .saveEdit(let save):
            do {
                return .saved(try WriteBack.save(save.policy, roleIndex: save.roleIndex, of: save.source, options: save.options))
            } catch {
                return .saveFailed(error.message)
            }
        }
    }
}
