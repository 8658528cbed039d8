"""The lessons' exercises: one module per lesson, ``lNN_topic.py``, imported on first use.

Declaring an exercise registers it (see ``kitlib/framework/README.md``).
"""
