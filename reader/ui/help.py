"""The Keyboard Shortcuts help page (Help > Keyboard Shortcuts, F1)."""

SHORTCUTS_HELP = """<table cellspacing="6">
<tr><td><b>Ctrl+O</b>, <b>Ctrl+Shift+O</b></td><td>Import files, a folder</td></tr>
<tr><td><b>Ctrl+Shift+V</b></td><td>Import what is on the clipboard (text, a page, paths)</td></tr>
<tr><td><b>Ctrl+E</b></td><td>Export notes to Markdown, or a JSON backup</td></tr>
<tr><td><b>H</b></td><td>Highlight the selection in the current colour</td></tr>
<tr><td><b>1</b>&ndash;<b>5</b></td><td>Choose the colour (and highlight the selection)</td></tr>
<tr><td><b>Ctrl+F</b>, <b>F3</b>, <b>Shift+F3</b></td><td>Find in the article, next, previous</td></tr>
<tr><td><b>Ctrl+Shift+F</b>, <b>/</b></td><td>Search the library</td></tr>
<tr><td><b>Ctrl+Z</b>, <b>Ctrl+Shift+Z</b></td><td>Undo, redo</td></tr>
<tr><td><b>Ctrl+Shift+R</b>, <b>Ctrl+Shift+E</b></td><td>Mark read or unread, archive</td></tr>
<tr><td><b>F2</b></td><td>Edit the article's title, author, date and site</td></tr>
<tr><td><b>Delete</b></td><td>Delete the selected article or highlight (undo brings it back)</td></tr>
<tr><td><b>Ctrl+Plus</b>, <b>Ctrl+Minus</b>, <b>Ctrl+0</b></td><td>Text size</td></tr>
<tr><td><b>Ctrl+Q</b></td><td>Quit</td></tr></table>"""
