/** Texter för förvarskontrollerna (pull, dataslutpunkt, push) och registrets Azure-inställningar (CMK, privata slutpunkter). */
export const repository: Record<string, string> = {
  'repository.noRepository': 'Inget förvar angavs (--repository REPO[:TAGG]).',
  'repository.transport': 'Inget svar från {url}: {kind} ({message}).',
  'repository.firewall': 'Registrets brandvägg släpper inte in den här datorn: {answer}.',
  'repository.firewall.allowIp': 'Släpp igenom den här datorns adress {ip} i registrets brandvägg',
  'repository.firewall.allowManual': 'Släpp igenom den här datorns publika adress i registrets brandvägg (eller slå på åtkomst från publika nätverk)',

  'repository.permission.grant': 'Ge {who} rollen {role} på registret',
  'repository.permission.grantManual':
    'Ge identiteten rollen {role} på registret: az role assignment create --assignee {objectId} --scope {registryId} --role "{role}" (registrets id får du med: az acr show --name {name} --query id)',
  'repository.permission.abacHint':
    'Om registret använder ABAC-behörigheter per förvar är det rollen "{role}" som ska tilldelas (gärna begränsad till förvaret {repository})',
  'repository.permission.scopeMapPull': 'Användaren eller token {user} får inte läsa {repository}: lägg till content/read för förvaret i dess scope map',
  'repository.permission.scopeMapPush': 'Användaren eller token {user} får inte skriva till {repository}: lägg till content/write för förvaret i dess scope map',
  'repository.permission.signIn': 'Logga in med en identitet som har rollen {role} (anonym åtkomst räcker som mest till pull)',

  'repository.pull.denied': 'Ingen behörighet att hämta {repository}: {answer}. Identiteten behöver rollen {role}.',
  'repository.pull.repoNotFound': 'Förvaret {repository} finns inte i registret ({answer}).',
  'repository.pull.tagNotFound': 'Förvaret {repository} har ingen tagg {tag} ({answer}).',
  'repository.pull.listRepos': 'Visa vilka förvar registret har',
  'repository.pull.listTags': 'Visa taggarna i {repository}',
  'repository.pull.checkName': 'Kontrollera stavningen av {ref} och att den har pushats till just det här registret',
  'repository.pull.failed': 'Det gick inte att hämta {what}: {answer}.',
  'repository.pull.theManifest': 'manifestet för {ref}',
  'repository.pull.theBlob': 'bloben {digest}',
  'repository.pull.emptyIndex': 'Avbildningsindexet för {ref} innehåller ingen avbildning för någon plattform.',
  'repository.pull.unknownManifest': 'Manifestet för {ref} har en form som kontrollen inte kan läsa ({mediaType}).',
  'repository.pull.noBlobs': 'Manifestet för {ref} hänvisar inte till några blobbar.',
  'repository.pull.passRedirect': 'Manifest och blob för {ref} går att läsa; bloben levereras från dataslutpunkten {host} (kontrolleras härnäst).',
  'repository.pull.passDirect': 'Hämtade manifestet för {ref} och dess minsta blob ({bytes} byte, kontrollsumman stämmer).',
  'repository.pull.digestMismatch': 'Bloben {digest} kom fram med annat innehåll än kontrollsumman lovar: något mellan den här datorn och registret har ändrat den.',

  'repository.data.noRedirect': 'Registret levererade bloben själv: det finns ingen separat dataslutpunkt att kontrollera.',
  'repository.data.pass': 'Dataslutpunkten {host} går att slå upp ({addresses}) och levererade bloben ({bytes} byte på {ms} ms).',
  'repository.data.publicWhilePrivate':
    'Dataslutpunkten {host} fungerar men pekar på den publika adressen {addresses}, medan inloggningsservern pekar på en privat: blobtrafiken lämnar det privata nätverket.',
  'repository.data.digestMismatch': 'Dataslutpunkten {host} levererade innehåll som inte stämmer med blobens kontrollsumma: en proxy eller ett filter har ändrat det.',
  'repository.data.denied': 'Dataslutpunkten {host} nekade nedladdningen (HTTP {status}): en brandvägg eller proxy på vägen blockerar den.',
  'repository.data.status': 'Dataslutpunkten {host} svarade HTTP {status} i stället för att leverera bloben.',
  'repository.data.noDns': 'Namnet på dataslutpunkten {host} går inte att slå upp, så pull misslyckas trots att inloggningen fungerar.',
  'repository.data.tls': 'Den säkra anslutningen till dataslutpunkten {host} misslyckades: en proxy som granskar TLS, eller ett certifikat som datorn inte litar på.',
  'repository.data.proxy': 'Proxyn släppte inte igenom anslutningen till dataslutpunkten {host}.',
  'repository.data.timeout': 'Dataslutpunkten {host} svarade inte i tid: troligen slänger en brandvägg trafiken.',
  'repository.data.unreachable': 'Det går inte att nå dataslutpunkten {host} ({kind}): troligen släpper brandväggen igenom inloggningsservern men inte dataslutpunkten.',
  'repository.data.fix.allow': 'Tillåt {host} (eller hela {wildcard}) i nätverkets brandvägg och proxy, precis som inloggningsservern',
  'repository.data.fix.privateDns':
    'Lägg till en post för {host} i den privata DNS-zonen {zone} som pekar på den privata slutpunktens adress för namnet (az network private-endpoint show visar adresserna), eller länka zonen till det här nätverket',
  'repository.data.fix.ca': 'Om en proxy granskar TLS: lita på dess certifikat med --ca-file (eller NODE_EXTRA_CA_CERTS), eller undanta {host} från granskningen',

  'repository.push.confirm': 'Ladda upp en liten testblob till {repository} på {server}? Ingen tagg skapas eller ändras.',
  'repository.push.notConfirmed': 'Kördes inte: push-testet skriver till registret. Kör igen med --yes för att tillåta det.',
  'repository.push.pass': 'Laddade upp en testblob på {bytes} byte till {repository} på {ms} ms ({rate} byte/s).',
  'repository.push.recovered':
    'Uppladdningen misslyckades en gång med BLOB_UPLOAD_INVALID men gick igenom när den startades om ({bytes} byte till {repository} på {ms} ms, {rate} byte/s): ett tillfälligt fel gick att komma förbi.',
  'repository.push.invalidTwice': 'Uppladdningen bröts två gånger ({answer}, vid {stage}): uppladdningar till registret går inte att slutföra.',
  'repository.push.failed': 'Uppladdningen misslyckades vid {stage}: {answer}.',
  'repository.push.denied': 'Ingen behörighet att pusha till {repository}: {answer}. Identiteten behöver rollen {role}.',
  'repository.push.stage.start': 'start av uppladdningen',
  'repository.push.stage.chunk': 'överföringen av data',
  'repository.push.stage.commit': 'slutförandet av bloben',
  'repository.push.stage.verify': 'kontrollen av den uppladdade bloben',
  'repository.push.fix.retry':
    'Starta om misslyckade uppladdningar från början (SDK:erna och docker gör så vid nytt försök); händer det ofta, leta efter en proxy eller en instabil förbindelse som bryter långa anrop',

  'azure.skip.notAcr': 'Bara Azure-register har den här inställningen.',
  'azure.skip.notInstalled': 'Azure CLI (az) är inte installerat, så registrets inställningar går inte att läsa.',
  'azure.skip.notSignedIn': 'Azure CLI är inte inloggat, så registrets inställningar går inte att läsa.',
  'azure.skip.timeout': 'Azure CLI svarade inte i tid, så registrets inställningar gick inte att läsa.',
  'azure.skip.failed': 'Azure CLI kunde inte läsa registret: {message}',
  'azure.fix.login': 'Logga in i Azure CLI',

  'azure.cmk.notUsed': 'Registret {name} krypteras med nycklar som Microsoft hanterar: ingen identitet att kontrollera.',
  'azure.cmk.pass': 'Identiteten {identity}, som registret {name} läser sin krypteringsnyckel med, är tilldelad registret.',
  'azure.cmk.fail': 'Registret {name} läser sin krypteringsnyckel med identiteten {identity}, men den identiteten är inte tilldelad registret: nyckeln går inte att nå.',
  'azure.cmk.failNoIdentity': 'Registret {name} använder en kundhanterad nyckel men anger ingen identitet att läsa den med.',
  'azure.cmk.fix.assign': 'Tilldela registret identiteten med klient-id {clientId} igen',
  'azure.cmk.fix.assignSystem': 'Slå på registrets systemtilldelade identitet igen (och ge den åtkomst till nyckelvalvet)',
  'azure.cmk.fix.assignManual':
    'Tilldela registret identiteten med klient-id {clientId}: az acr identity assign --name {name} --identities IDENTITETENS_RESURS_ID (az identity list visar resurs-id:t)',
  'azure.cmk.fix.rotate': 'Rotera sedan nyckeln så att registret läser den med den identiteten',
  'azure.cmk.fix.rotateManual': 'Rotera sedan nyckeln: az acr encryption rotate-key --name {name} --key-encryption-key NYCKEL_ID --identity IDENTITET',

  'azure.pe.skip.hint': 'Utan det går det inte att jämföra de privata slutpunkternas namn.',
  'azure.pe.skip.privateHint':
    'Inloggningsservern pekar på en privat adress; med --repository kontrollerar repository.data-endpoint att dataslutpunkten också gör det.',
  'azure.pe.none': 'Registret {name} har inga anslutningar till privata slutpunkter: inget att jämföra.',
  'azure.pe.noRecords': 'De privata slutpunkterna ({count} st.) anger inga DNS-namn att jämföra (eller gick inte att läsa).',
  'azure.pe.pass': 'Alla {count} namn för de privata slutpunkterna pekar på sina privata adresser.',
  'azure.pe.mismatch': '{fqdn} borde vara {expected} men pekar på {actual}',
  'azure.pe.fail': '{count} namn för privata slutpunkter pekar inte på sina privata adresser: {list}.',
  'azure.pe.fix.link': 'Länka den privata DNS-zonen (privatelink.azurecr.io) till det virtuella nätverk som datorn använder, eller vidarebefordra dess DNS-frågor till Azure DNS',
  'azure.pe.fix.records': 'Se till att zonen har de här posterna: {records}',
};
