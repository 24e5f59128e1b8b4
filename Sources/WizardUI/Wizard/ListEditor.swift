/// A list of entries edited in place: the entries, and an input line for a new one (or for the entry being
/// changed). What is typed counts at once — the draft sees `values`, so the preview follows every keystroke
/// before Enter is pressed.
///
/// Keys: typing goes into the input; Enter adds the input as an entry; Up selects the entry above, Down the one
/// below (past the last, back to the input); on a selected entry Enter edits it and Delete/Backspace removes it.
public struct ListEditor: Hashable, Sendable {
    public private(set) var items: [String]
    public var input: TextFieldState
    /// The selected entry, or nil when the input line has focus.
    public private(set) var selection: Int?
    /// Where the input goes back when committed: the index of the entry being edited, or nil for a new entry.
    public private(set) var editingIndex: Int?

    public init(_ items: [String] = [], visibleWidth: Int = 40) {
        self.items = items
        self.input = TextFieldState("", visibleWidth: visibleWidth)
    }

    /// The entries as the setup sees them: the committed ones with a non-empty input in its place.
    public var values: [String] {
        guard !input.isEmpty else { return items }
        var all = items
        all.insert(input.text, at: min(editingIndex ?? all.count, all.count))
        return all
    }

    /// The index in `values` the input line stands for (for marking issues at it).
    public var inputValueIndex: Int { min(editingIndex ?? items.count, items.count) }

    /// What a key did.
    public enum Outcome: Equatable, Sendable {
        /// The values changed.
        case edited
        /// Only the selection or cursor moved.
        case moved
        /// Not a list key here (Tab, Enter on an empty input, …): the screen handles it.
        case ignored
    }

    public mutating func handle(_ key: Key) -> Outcome {
        if let selected = selection {
            switch key {
            case .up:
                selection = max(0, selected - 1)
                return .moved
            case .down:
                selection = selected + 1 < items.count ? selected + 1 : nil
                return .moved
            case .enter:
                beginEditing(selected)
                return .moved
            case .delete, .backspace:
                items.remove(at: selected)
                if let editing = editingIndex, editing > selected { editingIndex = editing - 1 }
                selection = items.isEmpty ? nil : (selected < items.count ? selected : (key == .delete ? nil : items.count - 1))
                return .edited
            case .character:
                selection = nil
                return input.handle(key) ? .edited : .ignored
            default:
                return .ignored
            }
        }
        switch key {
        case .up:
            guard !items.isEmpty else { return .ignored }
            let position = inputValueIndex
            commitInput()
            selection = max(0, position - 1)
            return .moved
        case .down:
            return .ignored
        case .enter:
            guard !input.isEmpty else { return .ignored }
            commitInput()
            return .moved
        default:
            let before = input.text
            guard input.handle(key) else { return .ignored }
            return input.text == before ? .moved : .edited
        }
    }

    /// Puts a non-empty input into the list (where it was being edited) and clears the input.
    public mutating func commitInput() {
        guard !input.isEmpty else {
            editingIndex = nil
            return
        }
        items = values
        input.text = ""
        editingIndex = nil
    }

    /// Moves entry `index` into the input for editing; it keeps its place in `values`.
    public mutating func beginEditing(_ index: Int) {
        guard items.indices.contains(index) else { return }
        commitInput()
        let text = items.remove(at: index)
        editingIndex = index
        input.text = text
        selection = nil
    }

    /// Leaves any selection (e.g. when the field loses focus).
    public mutating func deselect() { selection = nil }

    /// Replaces everything (used by fixes that change the setup).
    public mutating func setItems(_ newItems: [String]) {
        items = newItems
        input.text = ""
        selection = nil
        editingIndex = nil
    }
}
