package org.tanik.ui.volunteer;

import javafx.scene.Node;

/** The form for one item of a repeating list (an incident, an act, a victim, a perpetrator). */
interface ItemEditor<T> {

    Node node();

    /** The item as currently typed. */
    T value();

    /** Puts the cursor in the item's first field (after "Add"). */
    void focus();
}
