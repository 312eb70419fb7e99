# Runs a generated exporter block outside Mage against a recording stand-in for google.cloud.bigquery.
# Usage: run_exporter.py BLOCK_FILE ENTRY_JSON ROWS_IN_TABLE; prints the BigQuery calls as JSON.
import json
import sys
import types

block_file, entry_json, rows = sys.argv[1], sys.argv[2], int(sys.argv[3])
calls = {}

bigquery = types.ModuleType('google.cloud.bigquery')


class Client:
    def __init__(self, project=None, location=None):
        self.project = project or 'credentials-project'
        calls['client'] = {'project': project, 'location': location}

    def create_dataset(self, dataset, exists_ok=False):
        calls['dataset'] = {'id': dataset.dataset_id, 'location': dataset.location, 'exists_ok': exists_ok}

    def load_table_from_uri(self, uris, destination, job_config=None, job_id_prefix=None):
        calls['load'] = dict(job_config.options, uris=uris, destination=destination, job_id_prefix=job_id_prefix,
                             enable_list_inference=job_config.options['parquet_options'].enable_list_inference)
        del calls['load']['parquet_options']
        return types.SimpleNamespace(result=lambda: calls.setdefault('waited', True))

    def get_table(self, destination):
        calls['verified'] = destination
        return types.SimpleNamespace(num_rows=rows)


class Dataset:
    def __init__(self, dataset_id):
        self.dataset_id = dataset_id
        self.location = None


class ParquetOptions:
    enable_list_inference = False


class LoadJobConfig:
    def __init__(self, **options):
        self.options = options


bigquery.Client = Client
bigquery.Dataset = Dataset
bigquery.ParquetOptions = ParquetOptions
bigquery.LoadJobConfig = LoadJobConfig
bigquery.SourceFormat = types.SimpleNamespace(PARQUET='PARQUET')
bigquery.WriteDisposition = types.SimpleNamespace(WRITE_TRUNCATE='WRITE_TRUNCATE')
bigquery.CreateDisposition = types.SimpleNamespace(CREATE_IF_NEEDED='CREATE_IF_NEEDED')
bigquery.DecimalTargetType = types.SimpleNamespace(NUMERIC='NUMERIC', BIGNUMERIC='BIGNUMERIC')
google = types.ModuleType('google')
cloud = types.ModuleType('google.cloud')
google.cloud = cloud
cloud.bigquery = bigquery
sys.modules.update({'google': google, 'google.cloud': cloud, 'google.cloud.bigquery': bigquery})

namespace = {'data_exporter': lambda f: f}
with open(block_file) as source:
    exec(compile(source.read(), block_file, 'exec'), namespace)
try:
    namespace['export_table'](json.loads(entry_json))
except ValueError as error:
    calls['error'] = str(error)
print(json.dumps(calls))
