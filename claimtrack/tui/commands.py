"""The command palette's provider: every action bound where the palette was opened."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.types import IgnoreReturnCallbackType

# A palette entry: its name, its help text and what choosing it runs.
Command = tuple[str, str, IgnoreReturnCallbackType]


class ActionCommands(Provider):
    """Offer each binding of the current screen, its focused widget and the app by name."""

    def _commands(self) -> list[Command]:
        commands: list[Command] = []
        seen: set[tuple[int, str]] = set()
        for active in self.screen.active_bindings.values():
            binding, node = active.binding, active.node
            if not binding.description or (id(node), binding.action) in seen:
                continue
            seen.add((id(node), binding.action))
            key = self.app.get_key_display(binding)
            commands.append(
                (
                    binding.description,
                    f"{binding.action} ({key})",
                    partial(self.app.run_action, binding.action, node),
                )
            )
        return commands

    async def discover(self) -> Hits:
        for name, help_text, run in self._commands():
            yield DiscoveryHit(name, run, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, run in self._commands():
            if (score := matcher.match(name)) > 0:
                yield Hit(score, matcher.highlight(name), run, help=help_text)
