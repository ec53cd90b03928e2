"""The site stage: blocks, markers, generated pages, navigation, rendering and the assets."""
