"""Prints, as JSON, the context menu Chromium shows on this desktop, read from its accessibility
tree (AT-SPI on the session bus in DBUS_SESSION_BUS_ADDRESS): {"open": bool, "items": [{"name":
str, "selected": bool}]}. Chromium exposes its own UI there when started with
ACCESSIBILITY_ENABLED=1. Used by test/e2e/harness/chromium.ts (openContextMenu)."""

import json

import pyatspi

# Where a menu never is: the page's own tree can be large, and reading it would be slow.
SKIP = {"document web", "document frame", "internal frame"}


def find_menu(node, depth=0):
    if node is None or depth > 25:
        return None
    try:
        role = node.getRoleName()
        # Read for every node on the way: when only menus are asked for theirs, the open menu is
        # never found (tried: Chromium 156).
        attributes = node.getAttributes()
        if role == "menu" and "class:SubmenuView" in attributes:
            if node.getState().contains(pyatspi.STATE_SHOWING):
                return node
        if role in SKIP:
            return None
        children = [node.getChildAtIndex(i) for i in range(node.childCount)]
    except Exception:  # the tree changes while it is read (a menu closing): not open then
        return None
    for child in children:
        found = find_menu(child, depth + 1)
        if found is not None:
            return found
    return None


def main():
    desktop = pyatspi.Registry.getDesktop(0)
    menu = None
    for i in range(desktop.childCount):
        app = desktop.getChildAtIndex(i)
        if app is not None and app.name == "Chromium":
            menu = find_menu(app)
            if menu is not None:
                break
    items = []
    if menu is not None:
        for i in range(menu.childCount):
            item = menu.getChildAtIndex(i)
            if item is None or not item.getRoleName().endswith("menu item"):
                continue
            state = item.getState()
            items.append({"name": item.name, "selected": state.contains(pyatspi.STATE_SELECTED)})
    print(json.dumps({"open": menu is not None, "items": items}))


main()
