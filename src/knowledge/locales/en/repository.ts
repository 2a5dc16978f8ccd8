/** Texts of the repository checks (pull, data endpoint, push) and the Azure-side registry checks (CMK, private endpoints). */
export const repository: Record<string, string> = {
  'repository.noRepository': 'No repository was given (--repository REPO[:TAG]).',
  'repository.transport': 'No answer from {url}: {kind} ({message}).',
  'repository.firewall': 'The registry firewall turned this machine away: {answer}.',
  'repository.firewall.allowIp': "Allow this machine's address {ip} through the registry firewall",
  'repository.firewall.allowManual': "Allow this machine's public address through the registry firewall (or enable public network access)",

  'repository.permission.grant': 'Give {who} the {role} role on the registry',
  'repository.permission.grantManual':
    'Give the identity the {role} role on the registry: az role assignment create --assignee {objectId} --scope {registryId} --role "{role}" (the registry id comes from: az acr show --name {name} --query id)',
  'repository.permission.abacHint':
    'If the registry uses ABAC repository permissions, the role to grant is "{role}" (optionally limited to the repository {repository})',
  'repository.permission.scopeMapPull': 'The token or user {user} may not read {repository}: add content/read for that repository to its scope map',
  'repository.permission.scopeMapPush': 'The token or user {user} may not write {repository}: add content/write for that repository to its scope map',
  'repository.permission.signIn': 'Sign in with an identity that has the {role} role (anonymous access allows pulls at most)',

  'repository.pull.denied': 'Not allowed to pull {repository}: {answer}. The identity needs the {role} role.',
  'repository.pull.repoNotFound': 'The repository {repository} does not exist in this registry ({answer}).',
  'repository.pull.tagNotFound': 'The repository {repository} has no tag {tag} ({answer}).',
  'repository.pull.listRepos': 'List the repositories the registry holds',
  'repository.pull.listTags': 'List the tags of {repository}',
  'repository.pull.checkName': 'Check the spelling of {ref}, and that it was pushed to this registry',
  'repository.pull.failed': 'Fetching {what} failed: {answer}.',
  'repository.pull.theManifest': 'the manifest of {ref}',
  'repository.pull.theBlob': 'the blob {digest}',
  'repository.pull.emptyIndex': 'The image index of {ref} lists no image for any platform.',
  'repository.pull.unknownManifest': 'The manifest of {ref} has a form this check cannot read ({mediaType}).',
  'repository.pull.noBlobs': 'The manifest of {ref} references no blobs.',
  'repository.pull.passRedirect': 'Manifest and blob of {ref} are readable; the blob is served from the data endpoint {host} (checked next).',
  'repository.pull.passDirect': 'Pulled the manifest of {ref} and its smallest blob ({bytes} bytes, digest verified).',
  'repository.pull.digestMismatch': 'The blob {digest} arrived with different content than its digest promises: something between here and the registry changed it.',

  'repository.data.noRedirect': 'The registry served the blob itself: it has no separate data endpoint to check.',
  'repository.data.pass': 'The data endpoint {host} resolves ({addresses}) and served the blob ({bytes} bytes in {ms} ms).',
  'repository.data.publicWhilePrivate':
    'The data endpoint {host} works but resolves to the public address {addresses} while the login server resolves privately: blob traffic leaves the private network.',
  'repository.data.digestMismatch': 'The data endpoint {host} served content that does not match the blob digest: a proxy or filter changed it.',
  'repository.data.denied': 'The data endpoint {host} refused the download (HTTP {status}): a firewall or proxy in between blocks it.',
  'repository.data.status': 'The data endpoint {host} answered HTTP {status} instead of the blob.',
  'repository.data.noDns': 'The data endpoint {host} does not resolve, so pulls fail after a successful login.',
  'repository.data.tls': 'The secure connection to the data endpoint {host} failed: a TLS-inspecting proxy, or a certificate this machine does not trust.',
  'repository.data.proxy': 'The proxy did not let the connection to the data endpoint {host} through.',
  'repository.data.timeout': 'The data endpoint {host} did not answer in time: a firewall probably drops the traffic.',
  'repository.data.unreachable': 'The data endpoint {host} cannot be reached ({kind}): a firewall probably allows the login server but not the data endpoint.',
  'repository.data.fix.allow': 'Allow {host} (or all of {wildcard}) in the firewall and proxy of this network, next to the login server',
  'repository.data.fix.privateDns':
    "Add a record for {host} to the private DNS zone {zone} pointing at the private endpoint's address for it (az network private-endpoint show lists the addresses), or link the zone to this network",
  'repository.data.fix.ca': 'If a proxy inspects TLS, trust its certificate with --ca-file (or NODE_EXTRA_CA_CERTS), or exempt {host} from inspection',

  'repository.push.confirm': 'Upload a tiny test blob to {repository} on {server}? It does not create or change any tag.',
  'repository.push.notConfirmed': 'Not run: the push test writes to the registry. Run again with --yes to allow it.',
  'repository.push.pass': 'Uploaded a {bytes}-byte test blob to {repository} in {ms} ms ({rate} bytes/s).',
  'repository.push.recovered':
    'The upload failed once with BLOB_UPLOAD_INVALID and succeeded when started again ({bytes} bytes to {repository} in {ms} ms, {rate} bytes/s): a transient failure was recovered.',
  'repository.push.invalidTwice': 'The upload broke twice ({answer}, while {stage}): uploads to this registry do not complete.',
  'repository.push.failed': 'The upload failed while {stage}: {answer}.',
  'repository.push.denied': 'Not allowed to push to {repository}: {answer}. The identity needs the {role} role.',
  'repository.push.stage.start': 'opening the upload',
  'repository.push.stage.chunk': 'sending the data',
  'repository.push.stage.commit': 'committing the blob',
  'repository.push.stage.verify': 'checking the uploaded blob',
  'repository.push.fix.retry':
    'Restart failed uploads from the beginning (the SDKs and docker do this on retry); if it keeps happening, look for a proxy or unstable link that cuts long requests',

  'azure.skip.notAcr': 'Only Azure registries have this setting.',
  'azure.skip.notInstalled': 'The Azure CLI (az) is not installed, so the registry settings cannot be read.',
  'azure.skip.notSignedIn': 'The Azure CLI is not signed in, so the registry settings cannot be read.',
  'azure.skip.timeout': 'The Azure CLI did not answer in time, so the registry settings could not be read.',
  'azure.skip.failed': 'The Azure CLI could not read the registry: {message}',
  'azure.fix.login': 'Sign in to the Azure CLI',

  'azure.cmk.notUsed': 'The registry {name} is encrypted with Microsoft-managed keys: no identity to check.',
  'azure.cmk.pass': 'The identity {identity} that the registry {name} uses to read its encryption key is assigned to it.',
  'azure.cmk.fail': "The registry {name} reads its encryption key with the identity {identity}, but that identity is not assigned to the registry: the key cannot be reached.",
  'azure.cmk.failNoIdentity': 'The registry {name} uses a customer-managed key but names no identity to read it with.',
  'azure.cmk.fix.assign': 'Assign the identity with client id {clientId} to the registry again',
  'azure.cmk.fix.assignSystem': "Turn the registry's system-assigned identity back on (and give it access to the key vault)",
  'azure.cmk.fix.assignManual':
    'Assign the identity with client id {clientId} to the registry: az acr identity assign --name {name} --identities IDENTITY_RESOURCE_ID (az identity list shows the resource id)',
  'azure.cmk.fix.rotate': 'Then rotate the key so the registry reads it with that identity',
  'azure.cmk.fix.rotateManual': 'Then rotate the key: az acr encryption rotate-key --name {name} --key-encryption-key KEY_ID --identity IDENTITY',

  'azure.pe.skip.hint': 'Private endpoint names cannot be compared without it.',
  'azure.pe.skip.privateHint':
    'The login server resolves privately; with --repository, repository.data-endpoint checks that the data endpoint does too.',
  'azure.pe.none': 'The registry {name} has no private endpoint connections: nothing to compare.',
  'azure.pe.noRecords': 'The {count} private endpoint(s) list no DNS names to compare (or could not be read).',
  'azure.pe.pass': 'All {count} private endpoint names resolve to their private addresses.',
  'azure.pe.mismatch': '{fqdn} expected {expected}, resolves to {actual}',
  'azure.pe.fail': '{count} private endpoint name(s) do not resolve to their private addresses: {list}.',
  'azure.pe.fix.link': 'Link the private DNS zone (privatelink.azurecr.io) to the virtual network this machine uses, or forward its DNS to Azure DNS',
  'azure.pe.fix.records': 'Make the zone hold these records: {records}',
};
