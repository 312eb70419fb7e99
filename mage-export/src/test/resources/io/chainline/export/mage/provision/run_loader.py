# Runs a generated loader block outside Mage: Mage's decorators become identity functions.
# Usage: run_loader.py BLOCK_FILE MANIFEST_URI RUN_ID; prints the block's output as JSON.
import json
import sys

block_file, manifest_uri, run_id = sys.argv[1:4]
namespace = {'data_loader': lambda f: f, 'test': lambda f: f}
with open(block_file) as source:
    exec(compile(source.read(), block_file, 'exec'), namespace)
output = namespace['load_table'](chainline_manifest_uri=manifest_uri, chainline_run_id=run_id)
namespace['test_output'](output)
print(json.dumps(output))
