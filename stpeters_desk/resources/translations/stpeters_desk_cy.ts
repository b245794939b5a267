<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy_GB">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Helps a primary school&apos;s staff run its X (Twitter) account safely: tweets without children&apos;s names, photos with faces covered, and a close eye on replies and followers.</source>
        <translation>Yn helpu staff ysgol gynradd i redeg cyfrif X (Twitter) yr ysgol yn ddiogel: negeseuon heb enwau plant, lluniau â&apos;r wynebau wedi&apos;u cuddio, a llygad barcud ar atebion a dilynwyr.</translation>
    </message>
    <message>
        <source>this app</source>
        <translation>yr ap hwn</translation>
    </message>
    <message>
        <source>windows, buttons and drawing</source>
        <translation>ffenestri, botymau a lluniadu</translation>
    </message>
    <message>
        <source>finds faces in photos</source>
        <translation>canfod wynebau mewn lluniau</translation>
    </message>
    <message>
        <source>checks pictures on replies</source>
        <translation>gwirio lluniau ar atebion</translation>
    </message>
    <message>
        <source>runs the face model on this computer</source>
        <translation>rhedeg y model wynebau ar y cyfrifiadur hwn</translation>
    </message>
    <message>
        <source>opens, covers and saves photos</source>
        <translation>agor lluniau, cuddio rhannau ohonynt a&apos;u cadw</translation>
    </message>
    <message>
        <source>opens iPhone (HEIC) photos</source>
        <translation>agor lluniau iPhone (HEIC)</translation>
    </message>
    <message>
        <source>decode HEIC photos, inside pillow-heif</source>
        <translation>datgodio lluniau HEIC, y tu mewn i pillow-heif</translation>
    </message>
    <message>
        <source>HEIC&apos;s image codec, inside pillow-heif</source>
        <translation>codec delweddau HEIC, y tu mewn i pillow-heif</translation>
    </message>
    <message>
        <source>talks to X</source>
        <translation>cyfathrebu ag X</translation>
    </message>
    <message>
        <source>short forms of first names</source>
        <translation>ffurfiau byr ar enwau cyntaf</translation>
    </message>
    <message>
        <source>tests the character counter; not installed</source>
        <translation>profi&apos;r rhifydd nodau; heb ei osod</translation>
    </message>
    <message>
        <source>The full licence texts are in the program&apos;s folder.
Qt&apos;s libraries are separate files there, which the LGPL lets you replace.</source>
        <translation>Mae testunau llawn y trwyddedau yn ffolder y rhaglen.
Mae llyfrgelloedd Qt yn ffeiliau ar wahân yno, a gallwch eu disodli fel mae&apos;r LGPL yn ei ganiatáu.</translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation>Ynghylch {app}</translation>
    </message>
    <message>
        <source>{app} icon</source>
        <translation>Eicon {app}</translation>
    </message>
    <message>
        <source>Version {version}</source>
        <translation>Fersiwn {version}</translation>
    </message>
    <message>
        <source>Select and copy this when you report a problem</source>
        <translation>Dewiswch a chopïwch hwn pan fyddwch yn adrodd am broblem</translation>
    </message>
    <message>
        <source>Data folder: {folder}</source>
        <translation>Ffolder data: {folder}</translation>
    </message>
    <message>
        <source>Where this copy keeps its database; include it in the school&apos;s backups</source>
        <translation>Lle mae&apos;r copi hwn yn cadw ei gronfa ddata; cynhwyswch ef yng nghopïau wrth gefn yr ysgol</translation>
    </message>
    <message>
        <source>Licences of the parts this app is built from</source>
        <translation>Trwyddedau&apos;r rhannau y mae&apos;r ap hwn wedi&apos;i adeiladu ohonynt</translation>
    </message>
    <message>
        <source>{part}: {use}</source>
        <translation>{part}: {use}</translation>
    </message>
</context>
<context>
    <name>AccountBar</name>
    <message>
        <source>Connecting…</source>
        <translation>Yn cysylltu…</translation>
    </message>
    <message>
        <source>Which account</source>
        <translation>Pa gyfrif</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>Enw&apos;r cyfrif</translation>
    </message>
    <message>
        <source>Followers</source>
        <translation>Dilynwyr</translation>
    </message>
    <message>
        <source>Following</source>
        <translation>Yn dilyn</translation>
    </message>
    <message>
        <source>Policy warning</source>
        <translation>Rhybudd polisi</translation>
    </message>
    <message>
        <source>Practice account (sandbox)</source>
        <translation>Cyfrif ymarfer (blwch tywod)</translation>
    </message>
    <message>
        <source>Nothing here reaches X: posts, replies and followers are invented and stored on this computer.</source>
        <translation>Does dim byd yma&apos;n cyrraedd X: mae&apos;r negeseuon, yr atebion a&apos;r dilynwyr yn ffug ac wedi&apos;u cadw ar y cyfrifiadur hwn.</translation>
    </message>
    <message>
        <source>Real X account</source>
        <translation>Cyfrif X go iawn</translation>
    </message>
    <message>
        <source>Posts made here appear on X for everyone.</source>
        <translation>Mae negeseuon sy&apos;n cael eu postio yma yn ymddangos ar X i bawb eu gweld.</translation>
    </message>
    <message>
        <source>{count} followers</source>
        <translation>Dilynwyr: {count}</translation>
    </message>
    <message>
        <source>following {count}</source>
        <translation>Yn dilyn: {count}</translation>
    </message>
    <message>
        <source>The school&apos;s policy says the account follows no one.</source>
        <translation>Mae polisi&apos;r ysgol yn dweud nad yw&apos;r cyfrif yn dilyn neb.</translation>
    </message>
    <message>
        <source>The account follows {count} account(s), but the school&apos;s policy says it follows no one.</source>
        <translation>Mae&apos;r cyfrif yn dilyn {count} cyfrif, ond mae polisi&apos;r ysgol yn dweud nad yw&apos;n dilyn neb.</translation>
    </message>
    <message>
        <source>The X connection allows direct messages, which the policy rules out. Reconnect with read-and-write access only.</source>
        <translation>Mae&apos;r cysylltiad ag X yn caniatáu negeseuon uniongyrchol, ac mae&apos;r polisi&apos;n gwahardd hynny. Ailgysylltwch gyda mynediad darllen ac ysgrifennu yn unig.</translation>
    </message>
    <message>
        <source>✖ Tweets are not going out: {reason}</source>
        <translation>✖ Nid yw negeseuon yn mynd allan: {reason}</translation>
    </message>
    <message>
        <source>⚠ {problems} Tell the head teacher.</source>
        <translation>⚠ {problems} Dywedwch wrth y pennaeth.</translation>
    </message>
    <message>
        <source>Account unavailable</source>
        <translation>Nid yw&apos;r cyfrif ar gael</translation>
    </message>
    <message>
        <source>Tweets wait safely in the outbox and go out when X can be reached again.</source>
        <translation>Mae negeseuon yn aros yn ddiogel yn y blwch anfon ac yn mynd allan pan fydd modd cyrraedd X eto.</translation>
    </message>
</context>
<context>
    <name>AccountCheck</name>
    <message>
        <source>In the X developer portal, open the school&apos;s app, choose &quot;User authentication settings&quot; and set the app permissions to &quot;Read and write&quot; (not &quot;Read and write and Direct message&quot;). Save, then under &quot;Keys and tokens&quot; regenerate the Access Token and Secret and enter the new pair in Settings, Connect X account. Tokens made before the change keep their old permissions until they are regenerated.</source>
        <translation>Ym mhorth datblygwyr X, agorwch ap yr ysgol, dewiswch &quot;User authentication settings&quot; a gosodwch ganiatâd yr ap i &quot;Read and write&quot; (nid &quot;Read and write and Direct message&quot;). Cadwch y newid, yna o dan &quot;Keys and tokens&quot; ail-gynhyrchwch yr &quot;Access Token and Secret&quot; a rhowch y pâr newydd yn Gosodiadau, Cysylltu cyfrif X. Bydd tocynnau a wnaed cyn y newid yn cadw eu hen ganiatâd nes iddynt gael eu hail-gynhyrchu.</translation>
    </message>
    <message>
        <source>{handles} and {count} more</source>
        <translation>{handles} a {count} arall</translation>
    </message>
    <message>
        <source>@{school} follows {count} account: {handles}.</source>
        <translation>Mae @{school} yn dilyn {count} cyfrif: {handles}.</translation>
    </message>
    <message>
        <source>@{school} follows {count} accounts: {handles}.</source>
        <translation>Mae @{school} yn dilyn {count} cyfrif: {handles}.</translation>
    </message>
    <message>
        <source>@{school} follows {count} account (X did not say which).</source>
        <translation>Mae @{school} yn dilyn {count} cyfrif (ni ddywedodd X pa un).</translation>
    </message>
    <message>
        <source>@{school} follows {count} accounts (X did not say which).</source>
        <translation>Mae @{school} yn dilyn {count} cyfrif (ni ddywedodd X pa rai).</translation>
    </message>
    <message>
        <source>The school&apos;s policy is that the account follows no one, so that nothing unsuitable reaches its timeline. Sign in on x.com and unfollow them; this app never offers follow.</source>
        <translation>Polisi&apos;r ysgol yw nad yw&apos;r cyfrif yn dilyn neb, fel nad oes dim anaddas yn cyrraedd ei linell amser. Mewngofnodwch ar x.com a rhowch y gorau i&apos;w dilyn; nid yw&apos;r ap hwn byth yn cynnig dilyn.</translation>
    </message>
    <message>
        <source>The sign-in token for @{school} allows direct messages (X reports &quot;{access}&quot;). The policy says the school never enters private conversations, so the token should be read-and-write only. {steps}</source>
        <translation>Mae&apos;r tocyn mewngofnodi ar gyfer @{school} yn caniatáu negeseuon uniongyrchol (mae X yn nodi &quot;{access}&quot;). Mae&apos;r polisi&apos;n dweud nad yw&apos;r ysgol byth yn ymuno â sgyrsiau preifat, felly dylai&apos;r tocyn ganiatáu darllen ac ysgrifennu yn unig. {steps}</translation>
    </message>
    <message>
        <source>The sign-in token for @{school} is read-only, so tweets and hiding replies will fail. {steps}</source>
        <translation>Mae&apos;r tocyn mewngofnodi ar gyfer @{school} yn caniatáu darllen yn unig, felly bydd postio negeseuon a chuddio atebion yn methu. {steps}</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>Post a tweet now</source>
        <translation>Postio neges nawr</translation>
    </message>
    <message>
        <source>Put a tweet in the outbox</source>
        <translation>Rhoi neges yn y blwch anfon</translation>
    </message>
    <message>
        <source>Post although a pre-flight check failed</source>
        <translation>Postio er i wiriad cyn postio fethu</translation>
    </message>
    <message>
        <source>Take a tweet out of the outbox</source>
        <translation>Tynnu neges o&apos;r blwch anfon</translation>
    </message>
    <message>
        <source>Delete one of the school&apos;s posts</source>
        <translation>Dileu un o negeseuon yr ysgol</translation>
    </message>
    <message>
        <source>Submit a tweet for approval</source>
        <translation>Cyflwyno neges i&apos;w chymeradwyo</translation>
    </message>
    <message>
        <source>Approve a tweet</source>
        <translation>Cymeradwyo neges</translation>
    </message>
    <message>
        <source>Reject a tweet</source>
        <translation>Gwrthod neges</translation>
    </message>
    <message>
        <source>Withdraw a submitted tweet</source>
        <translation>Tynnu neges a gyflwynwyd yn ôl</translation>
    </message>
    <message>
        <source>Schedule a tweet</source>
        <translation>Amserlennu neges</translation>
    </message>
    <message>
        <source>Prepare a photo</source>
        <translation>Paratoi llun</translation>
    </message>
    <message>
        <source>Confirm a photo&apos;s faces and consent</source>
        <translation>Cadarnhau wynebau a chaniatâd llun</translation>
    </message>
    <message>
        <source>Hide a reply</source>
        <translation>Cuddio ateb</translation>
    </message>
    <message>
        <source>Unhide a reply</source>
        <translation>Dad-guddio ateb</translation>
    </message>
    <message>
        <source>Mute a reply&apos;s author</source>
        <translation>Tewi awdur ateb</translation>
    </message>
    <message>
        <source>Record a report to X</source>
        <translation>Cofnodi adroddiad i X</translation>
    </message>
    <message>
        <source>Mark a reply reviewed</source>
        <translation>Marcio ateb fel wedi&apos;i adolygu</translation>
    </message>
    <message>
        <source>Block a reply&apos;s author (on x.com)</source>
        <translation>Rhwystro awdur ateb (ar x.com)</translation>
    </message>
    <message>
        <source>Delete the school&apos;s post a reply answered</source>
        <translation>Dileu neges yr ysgol yr oedd ateb yn ymateb iddi</translation>
    </message>
    <message>
        <source>Save an incident pack</source>
        <translation>Cadw pecyn digwyddiad</translation>
    </message>
    <message>
        <source>Show a reply&apos;s blurred picture</source>
        <translation>Dangos llun aneglur ateb</translation>
    </message>
    <message>
        <source>Forget a reply and its pictures</source>
        <translation>Anghofio ateb a&apos;i luniau</translation>
    </message>
    <message>
        <source>Make the governors&apos; report</source>
        <translation>Creu adroddiad y llywodraethwyr</translation>
    </message>
    <message>
        <source>Fetch followers</source>
        <translation>Nôl dilynwyr</translation>
    </message>
    <message>
        <source>Review a follower</source>
        <translation>Adolygu dilynwr</translation>
    </message>
    <message>
        <source>Put a follower on the watchlist</source>
        <translation>Rhoi dilynwr ar y rhestr wylio</translation>
    </message>
    <message>
        <source>Take a follower off the watchlist</source>
        <translation>Tynnu dilynwr oddi ar y rhestr wylio</translation>
    </message>
    <message>
        <source>Mark a follower trusted</source>
        <translation>Marcio dilynwr yn ddibynadwy</translation>
    </message>
    <message>
        <source>Stop trusting a follower</source>
        <translation>Peidio ag ymddiried mewn dilynwr</translation>
    </message>
    <message>
        <source>Finish the follower review</source>
        <translation>Gorffen adolygu&apos;r dilynwyr</translation>
    </message>
    <message>
        <source>Block a follower (on x.com)</source>
        <translation>Rhwystro dilynwr (ar x.com)</translation>
    </message>
    <message>
        <source>Unblock an account</source>
        <translation>Dadrwystro cyfrif</translation>
    </message>
    <message>
        <source>Confirm an unblock</source>
        <translation>Cadarnhau dadrwystro</translation>
    </message>
    <message>
        <source>Add a member of staff</source>
        <translation>Ychwanegu aelod o staff</translation>
    </message>
    <message>
        <source>Change someone&apos;s role</source>
        <translation>Newid rôl rhywun</translation>
    </message>
    <message>
        <source>Reset someone&apos;s PIN</source>
        <translation>Ailosod PIN rhywun</translation>
    </message>
    <message>
        <source>Unlock someone&apos;s PIN</source>
        <translation>Datgloi PIN rhywun</translation>
    </message>
    <message>
        <source>Issue a new recovery code</source>
        <translation>Rhoi cod adfer newydd</translation>
    </message>
    <message>
        <source>Deactivate a member of staff</source>
        <translation>Dadactifadu aelod o staff</translation>
    </message>
    <message>
        <source>Change what a role may do</source>
        <translation>Newid beth y caiff rôl ei wneud</translation>
    </message>
    <message>
        <source>Register this computer</source>
        <translation>Cofrestru&apos;r cyfrifiadur hwn</translation>
    </message>
    <message>
        <source>Unregister this computer</source>
        <translation>Dadgofrestru&apos;r cyfrifiadur hwn</translation>
    </message>
    <message>
        <source>Allow tweets from a trip</source>
        <translation>Caniatáu negeseuon o drip</translation>
    </message>
    <message>
        <source>Make a code for a new school computer</source>
        <translation>Gwneud cod ar gyfer cyfrifiadur ysgol newydd</translation>
    </message>
    <message>
        <source>Remove a computer from the school</source>
        <translation>Tynnu cyfrifiadur o&apos;r ysgol</translation>
    </message>
    <message>
        <source>Connect or replace the X account</source>
        <translation>Cysylltu neu newid cyfrif X</translation>
    </message>
    <message>
        <source>Store the X password</source>
        <translation>Cadw cyfrinair X</translation>
    </message>
    <message>
        <source>Show the X password</source>
        <translation>Dangos cyfrinair X</translation>
    </message>
    <message>
        <source>Set the monthly limit on reads from X</source>
        <translation>Gosod y terfyn misol ar ddarlleniadau o X</translation>
    </message>
    <message>
        <source>Import the pupil roster</source>
        <translation>Mewnforio&apos;r rhestr ddisgyblion</translation>
    </message>
    <message>
        <source>Turn kiosk mode on</source>
        <translation>Troi&apos;r modd ciosg ymlaen</translation>
    </message>
    <message>
        <source>Turn kiosk mode off</source>
        <translation>Diffodd y modd ciosg</translation>
    </message>
    <message>
        <source>Close the kiosk</source>
        <translation>Cau&apos;r ciosg</translation>
    </message>
    <message>
        <source>Change the policy&apos;s dates</source>
        <translation>Newid dyddiadau&apos;r polisi</translation>
    </message>
    <message>
        <source>Read the audit log</source>
        <translation>Darllen y log archwilio</translation>
    </message>
    <message>
        <source>Load the school&apos;s policy file</source>
        <translation>Llwytho ffeil polisi&apos;r ysgol</translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>Allforio&apos;r log archwilio</translation>
    </message>
</context>
<context>
    <name>Approvals</name>
    <message>
        <source>Write the tweet or add a photo first.</source>
        <translation>Ysgrifennwch y neges neu ychwanegwch lun yn gyntaf.</translation>
    </message>
    <message>
        <source>A tweet can carry at most {count} photos.</source>
        <translation>Gall neges gynnwys {count} llun ar y mwyaf.</translation>
    </message>
    <message>
        <source>The tweet is {length} characters as X counts them; shorten it to {limit} or fewer.</source>
        <translation>Mae&apos;r neges yn {length} nod yn ôl cyfrif X; byrhewch hi i {limit} nod neu lai.</translation>
    </message>
    <message>
        <source>Photo {number} has no description (alt text). Describe it for people who cannot see it, without naming any child.</source>
        <translation>Does dim disgrifiad (testun amgen) gan lun {number}. Disgrifiwch y llun ar gyfer pobl sy&apos;n methu ei weld, heb enwi unrhyw blentyn.</translation>
    </message>
    <message>
        <source>Photo {number}&apos;s description is too long: keep it under {limit} characters.</source>
        <translation>Mae disgrifiad llun {number} yn rhy hir: cadwch ef o dan {limit} nod.</translation>
    </message>
    <message>
        <source>Say what needs to change, so the author can put it right.</source>
        <translation>Dywedwch beth sydd angen ei newid, er mwyn i&apos;r awdur allu ei gywiro.</translation>
    </message>
    <message>
        <source>Keep the note under {count} characters.</source>
        <translation>Cadwch y nodyn o dan {count} nod.</translation>
    </message>
    <message>
        <source>That tweet is no longer in the approval queues.</source>
        <translation>Nid yw&apos;r neges honno yn y ciwiau cymeradwyo mwyach.</translation>
    </message>
    <message>
        <source>submitted</source>
        <translation>chyflwyno</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>newid</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>thynnu&apos;n ôl</translation>
    </message>
    <message>
        <source>Nobody approves their own tweet. Ask the head teacher or another approver to look at it.</source>
        <translation>Ni chaiff neb gymeradwyo ei neges ei hun. Gofynnwch i&apos;r pennaeth neu gymeradwywr arall edrych arni.</translation>
    </message>
    <message>
        <source>This is your own tweet: withdraw it instead of rejecting it.</source>
        <translation>Eich neges chi yw hon: tynnwch hi&apos;n ôl yn hytrach na&apos;i gwrthod.</translation>
    </message>
    <message>
        <source>rescheduled</source>
        <translation>hailamserlennu</translation>
    </message>
    <message>
        <source>Choose the new date and time, or use Post now.</source>
        <translation>Dewiswch y dyddiad a&apos;r amser newydd, neu defnyddiwch “Postio nawr”.</translation>
    </message>
    <message>
        <source>Only the author, an approver or someone who may post can change when this tweet goes out.</source>
        <translation>Dim ond yr awdur, cymeradwywr neu rywun sy&apos;n cael postio all newid pryd mae&apos;r neges hon yn mynd allan.</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>chanslo</translation>
    </message>
    <message>
        <source>Only the author, an approver or someone who may post can cancel this tweet.</source>
        <translation>Dim ond yr awdur, cymeradwywr neu rywun sy&apos;n cael postio all ganslo&apos;r neges hon.</translation>
    </message>
    <message>
        <source>posted</source>
        <translation>phostio</translation>
    </message>
    <message>
        <source>This tweet has not missed its time; it will go out when its time comes, or use Post now.</source>
        <translation>Dydy&apos;r neges hon ddim wedi methu ei hamser; bydd yn mynd allan pan ddaw ei hamser, neu defnyddiwch “Postio nawr”.</translation>
    </message>
    <message>
        <source>Ask someone who may post, or an approver, to post this now.</source>
        <translation>Gofynnwch i rywun sy&apos;n cael postio, neu i gymeradwywr, bostio&apos;r neges hon nawr.</translation>
    </message>
    <message>
        <source>Your account is no longer active. Ask the head teacher.</source>
        <translation>Dydy eich cyfrif ddim yn weithredol mwyach. Gofynnwch i&apos;r pennaeth.</translation>
    </message>
    <message>
        <source>Only {author}, who wrote this tweet, can do that.</source>
        <translation>Dim ond {author}, a ysgrifennodd y neges hon, all wneud hynny.</translation>
    </message>
    <message>
        <source>approved or rejected</source>
        <translation>chymeradwyo na&apos;i gwrthod</translation>
    </message>
    <message>
        <source>This tweet {where}, so it cannot be {verb} now.</source>
        <translation>Mae&apos;r neges hon {where}, felly does dim modd ei {verb} nawr.</translation>
    </message>
    <message>
        <source>The time needs a time zone (the computer&apos;s local time will do).</source>
        <translation>Mae angen cylchfa amser ar yr amser (bydd amser lleol y cyfrifiadur yn iawn).</translation>
    </message>
    <message>
        <source>That time has already passed. Choose a time in the future.</source>
        <translation>Mae&apos;r amser hwnnw wedi mynd heibio&apos;n barod. Dewiswch amser yn y dyfodol.</translation>
    </message>
    <message>
        <source>is still a draft</source>
        <translation>yn dal yn ddrafft</translation>
    </message>
    <message>
        <source>is waiting for approval</source>
        <translation>yn aros am gymeradwyaeth</translation>
    </message>
    <message>
        <source>is scheduled</source>
        <translation>wedi&apos;i hamserlennu</translation>
    </message>
    <message>
        <source>is being handed to the outbox</source>
        <translation>yn cael ei throsglwyddo i&apos;r blwch anfon</translation>
    </message>
    <message>
        <source>has already gone to the outbox</source>
        <translation>eisoes wedi mynd i&apos;r blwch anfon</translation>
    </message>
    <message>
        <source>was rejected</source>
        <translation>wedi&apos;i gwrthod</translation>
    </message>
    <message>
        <source>was withdrawn</source>
        <translation>wedi&apos;i thynnu&apos;n ôl</translation>
    </message>
    <message>
        <source>Only the head teacher or an approver can approve or reject tweets.</source>
        <translation>Dim ond y pennaeth neu gymeradwywr all gymeradwyo neu wrthod negeseuon.</translation>
    </message>
    <message>
        <source>Your role does not post directly, so it cannot schedule tweets itself: submit the tweet for approval with a time instead.</source>
        <translation>Dydy eich rôl ddim yn postio&apos;n uniongyrchol, felly all hi ddim amserlennu negeseuon ei hun: cyflwynwch y neges i&apos;w chymeradwyo gydag amser yn lle hynny.</translation>
    </message>
    <message>
        <source>Your role may not write tweets for the account. Ask the head teacher.</source>
        <translation>Dydy eich rôl ddim yn cael ysgrifennu negeseuon ar gyfer y cyfrif. Gofynnwch i&apos;r pennaeth.</translation>
    </message>
    <message>
        <source>The app cannot tell whether this tweet&apos;s photos had their faces, consent and written text checked, so it cannot go out. Ask the author to prepare the photos on the Photos tab and submit the tweet again.</source>
        <translation>Ni all yr ap ddweud a gafodd wynebau, caniatâd a thestun ysgrifenedig lluniau&apos;r neges hon eu gwirio, felly ni all fynd allan. Gofynnwch i&apos;r awdur baratoi&apos;r lluniau ar y tab Lluniau a chyflwyno&apos;r neges eto.</translation>
    </message>
</context>
<context>
    <name>ApprovalsTab</name>
    <message>
        <source>(no description yet)</source>
        <translation>(dim disgrifiad eto)</translation>
    </message>
    <message>
        <source>Photo {number}: {description}</source>
        <translation>Llun {number}: {description}</translation>
    </message>
    <message>
        <source>Written by {author}.</source>
        <translation>Ysgrifennwyd gan {author}.</translation>
    </message>
    <message>
        <source>To go out on {when}.</source>
        <translation>I&apos;w phostio ar {when}.</translation>
    </message>
    <message>
        <source>To go out as soon as it is approved.</source>
        <translation>I&apos;w phostio cyn gynted ag y caiff ei chymeradwyo.</translation>
    </message>
    <message>
        <source>{approver} edited it before approving. The author wrote:</source>
        <translation>Golygodd {approver} y neges cyn ei chymeradwyo. Ysgrifennodd yr awdur:</translation>
    </message>
    <message>
        <source>Approved by {approver} on {when}.</source>
        <translation>Cymeradwywyd gan {approver} ar {when}.</translation>
    </message>
    <message>
        <source>Sent back by {approver}: {note}</source>
        <translation>Anfonwyd yn ôl gan {approver}: {note}</translation>
    </message>
    <message>
        <source>Handed to the outbox on {when}; the Compose tab shows when X has it.</source>
        <translation>Rhoddwyd yn y blwch anfon ar {when}; mae&apos;r tab Ysgrifennu yn dangos pryd mae X wedi&apos;i derbyn.</translation>
    </message>
    <message>
        <source>Moved to {when}.</source>
        <translation>Symudwyd i {when}.</translation>
    </message>
    <message>
        <source>A new time needs approval again, so it is back with the approvers.</source>
        <translation>Mae angen cymeradwyo amser newydd eto, felly mae&apos;r neges yn ôl gyda&apos;r cymeradwywyr.</translation>
    </message>
    <message>
        <source>Tweets waiting for approval or for their time</source>
        <translation>Negeseuon sy&apos;n aros am gymeradwyaeth neu am eu hamser</translation>
    </message>
    <message>
        <source>Approval queues</source>
        <translation>Ciwiau cymeradwyo</translation>
    </message>
    <message>
        <source>Posted</source>
        <translation>Wedi&apos;u postio</translation>
    </message>
    <message>
        <source>Nothing approved or scheduled has gone out yet.</source>
        <translation>Nid oes unrhyw neges a gymeradwywyd neu a amserlennwyd wedi&apos;i phostio eto.</translation>
    </message>
    <message>
        <source>Approvals message</source>
        <translation>Hysbysiad Cymeradwyo</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>Cymer&amp;adwyo</translation>
    </message>
    <message>
        <source>Approve the selected tweet</source>
        <translation>Cymeradwyo&apos;r neges a ddewiswyd</translation>
    </message>
    <message>
        <source>&amp;Edit and approve…</source>
        <translation>Golygu a chym&amp;eradwyo…</translation>
    </message>
    <message>
        <source>Edit, then approve</source>
        <translation>Golygu, yna cymeradwyo</translation>
    </message>
    <message>
        <source>&amp;Send back…</source>
        <translation>A&amp;nfon yn ôl…</translation>
    </message>
    <message>
        <source>Send back to the author with a note</source>
        <translation>Anfon yn ôl at yr awdur gyda nodyn</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>Tynnu&apos;n ôl</translation>
    </message>
    <message>
        <source>Withdraw my tweet</source>
        <translation>Tynnu fy neges yn ôl</translation>
    </message>
    <message>
        <source>Take your own tweet back before anyone approves it</source>
        <translation>Tynnu eich neges eich hun yn ôl cyn i unrhyw un ei chymeradwyo</translation>
    </message>
    <message>
        <source>Waiting for approval</source>
        <translation>Yn aros am gymeradwyaeth</translation>
    </message>
    <message>
        <source>Post now</source>
        <translation>Postio nawr</translation>
    </message>
    <message>
        <source>Post the selected tweet now</source>
        <translation>Postio&apos;r neges a ddewiswyd nawr</translation>
    </message>
    <message>
        <source>Hand it to the outbox without waiting for its time</source>
        <translation>Ei rhoi yn y blwch anfon heb aros am ei hamser</translation>
    </message>
    <message>
        <source>Change time…</source>
        <translation>Newid yr amser…</translation>
    </message>
    <message>
        <source>Change when it goes out</source>
        <translation>Newid pryd y caiff ei phostio</translation>
    </message>
    <message>
        <source>Pick a new date and time for the selected tweet</source>
        <translation>Dewiswch ddyddiad ac amser newydd ar gyfer y neges a ddewiswyd</translation>
    </message>
    <message>
        <source>Cancel tweet</source>
        <translation>Canslo&apos;r neges</translation>
    </message>
    <message>
        <source>Cancel the selected scheduled tweet</source>
        <translation>Canslo&apos;r neges wedi&apos;i hamserlennu a ddewiswyd</translation>
    </message>
    <message>
        <source>It will not be posted (asks first)</source>
        <translation>Ni fydd yn cael ei phostio (bydd yn gofyn yn gyntaf)</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Wedi&apos;u hamserlennu</translation>
    </message>
    <message>
        <source>No tweets are scheduled. On the Compose tab, give a tweet a date and time to have the app post it then.</source>
        <translation>Nid oes unrhyw negeseuon wedi&apos;u hamserlennu. Ar y tab Ysgrifennu, rhowch ddyddiad ac amser i neges er mwyn i&apos;r ap ei phostio bryd hynny.</translation>
    </message>
    <message>
        <source>Post late</source>
        <translation>Postio&apos;n hwyr</translation>
    </message>
    <message>
        <source>Post the missed tweet late</source>
        <translation>Postio&apos;r neges a fethwyd yn hwyr</translation>
    </message>
    <message>
        <source>It still makes sense: post it now</source>
        <translation>Mae&apos;n dal yn gwneud synnwyr: postiwch hi nawr</translation>
    </message>
    <message>
        <source>Cancel the missed tweet</source>
        <translation>Canslo&apos;r neges a fethwyd</translation>
    </message>
    <message>
        <source>It is out of date: do not post it</source>
        <translation>Mae wedi dyddio: peidiwch â&apos;i phostio</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>Wedi&apos;u methu</translation>
    </message>
    <message>
        <source>No tweets have missed their time. A scheduled tweet whose time passes while the app is closed waits here for someone to decide.</source>
        <translation>Nid oes unrhyw negeseuon wedi methu eu hamser. Os bydd amser neges wedi&apos;i hamserlennu yn mynd heibio tra bo&apos;r ap ar gau, bydd yn aros yma i rywun benderfynu.</translation>
    </message>
    <message>
        <source>Edit and resubmit…</source>
        <translation>Golygu a chyflwyno eto…</translation>
    </message>
    <message>
        <source>Edit my tweet and resubmit it</source>
        <translation>Golygu fy neges a&apos;i chyflwyno eto</translation>
    </message>
    <message>
        <source>Put right what the note asks, then send it again</source>
        <translation>Cywirwch yr hyn mae&apos;r nodyn yn ei ofyn, yna anfonwch hi eto</translation>
    </message>
    <message>
        <source>Withdraw my rejected tweet</source>
        <translation>Tynnu fy neges a wrthodwyd yn ôl</translation>
    </message>
    <message>
        <source>Give up on this tweet: it will not be posted (asks first)</source>
        <translation>Rhoi&apos;r gorau i&apos;r neges hon: ni fydd yn cael ei phostio (bydd yn gofyn yn gyntaf)</translation>
    </message>
    <message>
        <source>Sent back</source>
        <translation>Wedi&apos;u hanfon yn ôl</translation>
    </message>
    <message>
        <source>No tweets have been sent back. When an approver asks for a change, the tweet and their note appear here.</source>
        <translation>Nid oes unrhyw negeseuon wedi&apos;u hanfon yn ôl. Pan fydd cymeradwywr yn gofyn am newid, bydd y neges a&apos;i nodyn yn ymddangos yma.</translation>
    </message>
    <message>
        <source>Submit for approval</source>
        <translation>Cyflwyno i&apos;w chymeradwyo</translation>
    </message>
    <message>
        <source>Submit my draft for approval</source>
        <translation>Cyflwyno fy nrafft i&apos;w gymeradwyo</translation>
    </message>
    <message>
        <source>Send the draft to the head teacher or an approver to check</source>
        <translation>Anfon y drafft at y pennaeth neu gymeradwywr i&apos;w wirio</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Golygu…</translation>
    </message>
    <message>
        <source>Edit my draft</source>
        <translation>Golygu fy nrafft</translation>
    </message>
    <message>
        <source>Change the words; nobody sees it yet</source>
        <translation>Newid y geiriau; nid oes neb yn ei weld eto</translation>
    </message>
    <message>
        <source>Delete draft</source>
        <translation>Dileu&apos;r drafft</translation>
    </message>
    <message>
        <source>Delete my draft</source>
        <translation>Dileu fy nrafft</translation>
    </message>
    <message>
        <source>My drafts</source>
        <translation>Fy nrafftiau</translation>
    </message>
    <message>
        <source>You have no saved drafts.</source>
        <translation>Nid oes gennych unrhyw ddrafftiau wedi&apos;u cadw.</translation>
    </message>
    <message>
        <source>Nothing is waiting for approval.</source>
        <translation>Nid oes dim yn aros am gymeradwyaeth.</translation>
    </message>
    <message>
        <source>Nothing of yours is waiting for approval. Write a tweet on the Compose tab and submit it for approval.</source>
        <translation>Nid oes dim o&apos;ch negeseuon chi yn aros am gymeradwyaeth. Ysgrifennwch neges ar y tab Ysgrifennu a&apos;i chyflwyno i&apos;w chymeradwyo.</translation>
    </message>
    <message>
        <source>{queue} ({count})</source>
        <translation>{queue} ({count})</translation>
    </message>
    <message>
        <source>1 scheduled tweet missed its time while the app was closed. Open “Missed” and choose Post late or Cancel tweet.</source>
        <translation>Aeth amser 1 neges wedi&apos;i hamserlennu heibio tra oedd yr ap ar gau. Agorwch “Wedi&apos;u methu” a dewiswch Postio&apos;n hwyr neu Canslo&apos;r neges.</translation>
    </message>
    <message>
        <source>{count} scheduled tweets missed their time while the app was closed. Open “Missed” and choose Post late or Cancel tweet.</source>
        <translation>Aeth amser {count} o negeseuon wedi&apos;u hamserlennu heibio tra oedd yr ap ar gau. Agorwch “Wedi&apos;u methu” a dewiswch Postio&apos;n hwyr neu Canslo&apos;r neges.</translation>
    </message>
    <message>
        <source>for {when}</source>
        <translation>ar gyfer {when}</translation>
    </message>
    <message>
        <source>as soon as approved</source>
        <translation>cyn gynted ag y caiff ei chymeradwyo</translation>
    </message>
    <message>
        <source>note: {note}</source>
        <translation>nodyn: {note}</translation>
    </message>
    <message>
        <source>(photos only)</source>
        <translation>(lluniau yn unig)</translation>
    </message>
    <message>
        <source>This is your own tweet: another approver must decide on it.</source>
        <translation>Eich neges chi yw hon: rhaid i gymeradwywr arall benderfynu arni.</translation>
    </message>
    <message>
        <source>Approve it as it is (Alt+A)</source>
        <translation>Ei chymeradwyo fel y mae (Alt+A)</translation>
    </message>
    <message>
        <source>Change the words, then approve (Alt+E)</source>
        <translation>Newid y geiriau, yna ei chymeradwyo (Alt+E)</translation>
    </message>
    <message>
        <source>Reject it with a note saying what to change (Alt+S)</source>
        <translation>Ei gwrthod gyda nodyn yn dweud beth i&apos;w newid (Alt+N)</translation>
    </message>
    <message>
        <source>Scheduled tweets handed to the outbox: {count}.</source>
        <translation>Negeseuon wedi&apos;u hamserlennu a roddwyd yn y blwch anfon: {count}.</translation>
    </message>
    <message>
        <source>Please confirm</source>
        <translation>Cadarnhewch</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ie</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Na</translation>
    </message>
    <message>
        <source>The pre-flight check is not available here, so this tweet cannot be approved or posted from this window.</source>
        <translation>Nid yw&apos;r gwiriad cyn postio ar gael yma, felly does dim modd cymeradwyo na phostio&apos;r neges hon o&apos;r ffenestr hon.</translation>
    </message>
    <message>
        <source>Not approved or posted: the pre-flight check stopped it.</source>
        <translation>Heb ei chymeradwyo na&apos;i phostio: cafodd ei hatal gan y gwiriad cyn postio.</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>Mewngofnodwch yn gyntaf.</translation>
    </message>
    <message>
        <source>Change {author}&apos;s words as needed. Both their version and yours are kept in the audit log.</source>
        <translation>Newidiwch eiriau {author} yn ôl yr angen. Caiff eu fersiwn nhw a&apos;ch fersiwn chi eu cadw yn y log archwilio.</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Cymeradwyo</translation>
    </message>
    <message>
        <source>Approved: {author}&apos;s tweet will go out on {when}.</source>
        <translation>Cymeradwywyd: bydd neges {author} yn cael ei phostio ar {when}.</translation>
    </message>
    <message>
        <source>Approved: {author}&apos;s tweet is on its way to the account.</source>
        <translation>Cymeradwywyd: mae neges {author} ar ei ffordd i&apos;r cyfrif.</translation>
    </message>
    <message>
        <source>Sent back to {author} with your note.</source>
        <translation>Anfonwyd yn ôl at {author} gyda&apos;ch nodyn.</translation>
    </message>
    <message>
        <source>Withdraw this tweet? It will not be posted.</source>
        <translation>Tynnu&apos;r neges hon yn ôl? Ni fydd yn cael ei phostio.</translation>
    </message>
    <message>
        <source>Withdrawn.</source>
        <translation>Tynnwyd yn ôl.</translation>
    </message>
    <message>
        <source>Handed to the outbox: it goes out in a moment.</source>
        <translation>Rhoddwyd yn y blwch anfon: bydd yn cael ei phostio mewn eiliad.</translation>
    </message>
    <message>
        <source>This tweet was meant for {when}. Does it still make sense to post it now?</source>
        <translation>Roedd y neges hon i fod i gael ei phostio ar {when}. A yw&apos;n dal yn gwneud synnwyr ei phostio nawr?</translation>
    </message>
    <message>
        <source>Posted late: it is on its way to the account.</source>
        <translation>Postiwyd yn hwyr: mae ar ei ffordd i&apos;r cyfrif.</translation>
    </message>
    <message>
        <source>Cancel this tweet? It will not be posted.</source>
        <translation>Canslo&apos;r neges hon? Ni fydd yn cael ei phostio.</translation>
    </message>
    <message>
        <source>Cancelled: it will not be posted.</source>
        <translation>Canslwyd: ni fydd yn cael ei phostio.</translation>
    </message>
    <message>
        <source>Edit and resubmit</source>
        <translation>Golygu a chyflwyno eto</translation>
    </message>
    <message>
        <source>{approver} asked: {note}</source>
        <translation>Gofynnodd {approver}: {note}</translation>
    </message>
    <message>
        <source>Resubmit</source>
        <translation>Cyflwyno eto</translation>
    </message>
    <message>
        <source>Sent for approval again.</source>
        <translation>Anfonwyd i&apos;w chymeradwyo eto.</translation>
    </message>
    <message>
        <source>Edit draft</source>
        <translation>Golygu&apos;r drafft</translation>
    </message>
    <message>
        <source>Change your draft; it is not sent to anyone yet.</source>
        <translation>Newidiwch eich drafft; nid yw wedi&apos;i anfon at neb eto.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Cadw</translation>
    </message>
    <message>
        <source>Draft saved.</source>
        <translation>Cadwyd y drafft.</translation>
    </message>
    <message>
        <source>Submitted: an approver will look at it.</source>
        <translation>Cyflwynwyd: bydd cymeradwywr yn edrych arni.</translation>
    </message>
</context>
<context>
    <name>Audit</name>
    <message>
        <source>someone</source>
        <translation>rhywun</translation>
    </message>
    <message>
        <source>entry #{number} ({time}, {person}: {action})</source>
        <translation>cofnod #{number} ({time}, {person}: {action})</translation>
    </message>
    <message>
        <source>entry #{first}</source>
        <translation>cofnod #{first}</translation>
    </message>
    <message>
        <source>entries #{first} to #{last}</source>
        <translation>cofnodion #{first} i #{last}</translation>
    </message>
    <message>
        <source>The database is empty</source>
        <translation>Mae&apos;r gronfa ddata yn wag</translation>
    </message>
    <message>
        <source>The database holds {count} entries ending at #{last}</source>
        <translation>Mae&apos;r gronfa ddata yn dal {count} cofnod, yn gorffen gyda #{last}</translation>
    </message>
    <message>
        <source>{where}, but this computer recorded {recorded} entries ending at #{recorded_last}: {missing} and the changes that went with them were lost (a deleted or damaged -wal file, an older copy of the database put back, or entries cut off the end).</source>
        <translation>{where}, ond cofnododd y cyfrifiadur hwn {recorded} cofnod yn gorffen gyda #{recorded_last}: collwyd {missing} a&apos;r newidiadau a aeth gyda nhw (ffeil -wal a ddilëwyd neu a ddifrodwyd, hen gopi o&apos;r gronfa ddata a roddwyd yn ôl, neu gofnodion a dorrwyd oddi ar y diwedd).</translation>
    </message>
    <message>
        <source>More problems were found after it ({count}).</source>
        <translation>Cafwyd rhagor o broblemau ar ei ôl ({count}).</translation>
    </message>
    <message>
        <source>The audit log may have been tampered with.</source>
        <translation>Efallai fod rhywun wedi ymyrryd â&apos;r log archwilio.</translation>
    </message>
    <message>
        <source>Audit log intact: {count} entries checked</source>
        <translation>Mae&apos;r log archwilio yn gyfan: gwiriwyd {count} cofnod</translation>
    </message>
    <message>
        <source>Audit log intact: {count} entries checked, keyed with this computer&apos;s keyring; staff, permissions, lockouts and security settings match their seal.</source>
        <translation>Mae&apos;r log archwilio yn gyfan: gwiriwyd {count} cofnod, wedi&apos;u selio ag allwedd o storfa allweddi&apos;r cyfrifiadur hwn; mae&apos;r staff, yr hawliau, y cloeon a&apos;r gosodiadau diogelwch yn cyfateb i&apos;w sêl.</translation>
    </message>
    <message>
        <source>The chain breaks at entry #{number}: its {column} is not readable text, so it was written outside the app.</source>
        <translation>Mae&apos;r gadwyn yn torri wrth gofnod #{number}: nid yw ei {column} yn destun darllenadwy, felly cafodd ei ysgrifennu y tu allan i&apos;r ap.</translation>
    </message>
    <message>
        <source>This computer&apos;s keyring has no record of where the audit log ends, although the log is keyed: the database came from another computer or the keyring was reset.</source>
        <translation>Nid oes gan storfa allweddi&apos;r cyfrifiadur hwn gofnod o ble mae&apos;r log archwilio yn gorffen, er bod y log wedi&apos;i selio ag allwedd: daeth y gronfa ddata o gyfrifiadur arall neu cafodd y storfa allweddi ei hailosod.</translation>
    </message>
    <message>
        <source>The point from which the log is keyed (entry #{number}) was changed in the database file.</source>
        <translation>Cafodd y man lle mae&apos;r log yn dechrau cael ei selio ag allwedd (cofnod #{number}) ei newid yn ffeil y gronfa ddata.</translation>
    </message>
    <message>
        <source>Entry #{number} is not the entry this computer recorded there: the log was rewritten up to that point.</source>
        <translation>Nid cofnod #{number} yw&apos;r cofnod a gofnododd y cyfrifiadur hwn yno: cafodd y log ei ailysgrifennu hyd at y pwynt hwnnw.</translation>
    </message>
    <message>
        <source>The security state was changed outside the app: {parts} no longer match their seal (a role, permission, PIN, lockout or setting was edited in the database file).</source>
        <translation>Cafodd y gosodiadau diogelwch eu newid y tu allan i&apos;r ap: nid yw {parts} yn cyfateb i&apos;w sêl mwyach (cafodd rôl, hawl, PIN, clo neu osodiad ei olygu yn ffeil y gronfa ddata).</translation>
    </message>
    <message>
        <source>the start of the log</source>
        <translation>dechrau&apos;r log</translation>
    </message>
    <message>
        <source>The chain breaks at {entry}: it does not follow {before}. An entry before it was changed, deleted or inserted.</source>
        <translation>Mae&apos;r gadwyn yn torri wrth {entry}: nid yw&apos;n dilyn {before}. Cafodd cofnod o&apos;i flaen ei newid, ei ddileu neu ei fewnosod.</translation>
    </message>
    <message>
        <source>The chain breaks at {entry}: its contents were changed.</source>
        <translation>Mae&apos;r gadwyn yn torri wrth {entry}: cafodd ei gynnwys ei newid.</translation>
    </message>
    <message>
        <source>The record of the last audit entry is missing.</source>
        <translation>Mae&apos;r cofnod o&apos;r cofnod archwilio olaf ar goll.</translation>
    </message>
    <message>
        <source>The record of the last audit entry was deleted before entry #{number}; entries just before it may have been removed.</source>
        <translation>Cafodd y cofnod o&apos;r cofnod archwilio olaf ei ddileu cyn cofnod #{number}; efallai fod cofnodion ychydig o&apos;i flaen wedi&apos;u tynnu.</translation>
    </message>
    <message>
        <source>The log should hold {expected} entries ending at #{expected_last}, but it holds {count} ending at #{last}: entry #{missing} is missing or was added outside the app.</source>
        <translation>Dylai&apos;r log ddal {expected} cofnod yn gorffen gyda #{expected_last}, ond mae&apos;n dal {count} yn gorffen gyda #{last}: mae cofnod #{missing} ar goll neu cafodd ei ychwanegu y tu allan i&apos;r ap.</translation>
    </message>
    <message>
        <source>The audit log is sealed with a key kept in this computer&apos;s keyring, and the app has not been able to read it, so nothing can be recorded. Unlock the keyring (sign out and in again) and restart.</source>
        <translation>Mae&apos;r log archwilio wedi&apos;i selio ag allwedd sy&apos;n cael ei chadw yn storfa allweddi&apos;r cyfrifiadur hwn, ac nid yw&apos;r ap wedi gallu ei darllen, felly nid oes modd cofnodi dim. Datglowch y storfa allweddi (allgofnodwch a mewngofnodwch eto) ac ailgychwyn.</translation>
    </message>
</context>
<context>
    <name>AuditTab</name>
    <message>
        <source>When</source>
        <translation>Pryd</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Pwy</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>Cyfrifiadur</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Gweithred</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Beth</translation>
    </message>
    <message>
        <source>Reason / detail</source>
        <translation>Rheswm / manylion</translation>
    </message>
    <message>
        <source>Filter by person</source>
        <translation>Hidlo yn ôl person</translation>
    </message>
    <message>
        <source>Show only what this person did</source>
        <translation>Dangos dim ond yr hyn a wnaeth y person hwn</translation>
    </message>
    <message>
        <source>Filter by action</source>
        <translation>Hidlo yn ôl gweithred</translation>
    </message>
    <message>
        <source>Show only one kind of action, as the log names it</source>
        <translation>Dangos un math o weithred yn unig, fel y mae&apos;r log yn ei henwi</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>O&apos;r dyddiad</translation>
    </message>
    <message>
        <source>The first day to show</source>
        <translation>Y diwrnod cyntaf i&apos;w ddangos</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Hyd at y dyddiad</translation>
    </message>
    <message>
        <source>The last day to show</source>
        <translation>Y diwrnod olaf i&apos;w ddangos</translation>
    </message>
    <message>
        <source>Check the log is intact</source>
        <translation>Gwirio bod y log yn gyfan</translation>
    </message>
    <message>
        <source>Recompute the chain of fingerprints that links every entry</source>
        <translation>Ailgyfrifo&apos;r gadwyn o olion bysedd sy&apos;n cysylltu pob cofnod</translation>
    </message>
    <message>
        <source>Checking the log</source>
        <translation>Wrthi&apos;n gwirio&apos;r log</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Allforio CSV…</translation>
    </message>
    <message>
        <source>Save the entries shown, in the order shown, as a spreadsheet file (CSV) for governors or inspectors</source>
        <translation>Cadw&apos;r cofnodion a ddangosir, yn y drefn a ddangosir, fel ffeil taenlen (CSV) ar gyfer llywodraethwyr neu arolygwyr</translation>
    </message>
    <message>
        <source>Audit log entries</source>
        <translation>Cofnodion y log archwilio</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>Y diweddaraf yn gyntaf</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>From</source>
        <translation>O</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Hyd at</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Pawb</translation>
    </message>
    <message>
        <source>Any action</source>
        <translation>Unrhyw weithred</translation>
    </message>
    <message>
        <source>No entries match these filters. Choose “Everyone” and “Any action”, or an earlier “From” date, to see more.</source>
        <translation>Does dim cofnodion yn cyfateb i&apos;r hidlau hyn. Dewiswch “Pawb” ac “Unrhyw weithred”, neu ddyddiad “O” cynharach, i weld rhagor.</translation>
    </message>
    <message>
        <source>Entries shown: {count}.</source>
        <translation>Cofnodion a ddangosir: {count}.</translation>
    </message>
    <message>
        <source>Checking every entry…</source>
        <translation>Wrthi&apos;n gwirio pob cofnod…</translation>
    </message>
    <message>
        <source>The check could not run: {error}. Try again; if it keeps failing, tell the school&apos;s IT technician.</source>
        <translation>Nid oedd modd cynnal y gwiriad: {error}. Rhowch gynnig arall; os yw&apos;n dal i fethu, rhowch wybod i dechnegydd TG yr ysgol.</translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>Allforio&apos;r log archwilio</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Ffeiliau CSV (*.csv)</translation>
    </message>
    <message>
        <source>Could not write {path}: {reason}. Choose another folder or file name and export again.</source>
        <translation>Nid oedd modd ysgrifennu {path}: {reason}. Dewiswch ffolder neu enw ffeil arall ac allforiwch eto.</translation>
    </message>
    <message>
        <source>Entries exported: {count}, to {path}.</source>
        <translation>Cofnodion a allforiwyd: {count}, i {path}.</translation>
    </message>
</context>
<context>
    <name>Buttons</name>
    <message>
        <source>OK</source>
        <translation>Iawn</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Canslo</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cau</translation>
    </message>
</context>
<context>
    <name>ComposerTab</name>
    <message>
        <source>Counting…</source>
        <translation>Wrthi&apos;n cyfrif…</translation>
    </message>
    <message>
        <source>Tweet text</source>
        <translation>Testun y neges</translation>
    </message>
    <message>
        <source>Celebrate what a class achieved, e.g. “Great use of our computers to edit our writing by Class 4.” Never use a child&apos;s name.</source>
        <translation>Dathlwch yr hyn a gyflawnodd dosbarth, e.e. “Defnydd gwych o&apos;n cyfrifiaduron i olygu ein hysgrifennu gan Ddosbarth 4.” Peidiwch byth â defnyddio enw plentyn.</translation>
    </message>
    <message>
        <source>Characters used</source>
        <translation>Nodau a ddefnyddiwyd</translation>
    </message>
    <message>
        <source>X counts most letters as 1, emoji and Chinese or Japanese characters as 2, and every web link as 23, whatever its length.</source>
        <translation>Mae X yn cyfrif y rhan fwyaf o lythrennau fel 1, emoji a nodau Tsieinëeg neu Japaneeg fel 2, a phob dolen we fel 23, beth bynnag yw ei hyd.</translation>
    </message>
    <message>
        <source>Post tweet</source>
        <translation>Postio&apos;r neges</translation>
    </message>
    <message>
        <source>Post to the account shown at the top (Ctrl+Enter)</source>
        <translation>Postio i&apos;r cyfrif a ddangosir ar y brig (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Possible children&apos;s names in the tweet</source>
        <translation>Enwau plant posibl yn y neges</translation>
    </message>
    <message>
        <source>Message about the tweet</source>
        <translation>Hysbysiad am y neges</translation>
    </message>
    <message>
        <source>Schedule…</source>
        <translation>Amserlennu…</translation>
    </message>
    <message>
        <source>Choose a date and time for the tweet to go out</source>
        <translation>Dewiswch ddyddiad ac amser i&apos;r neges fynd allan</translation>
    </message>
    <message>
        <source>Tweets waiting to be sent</source>
        <translation>Negeseuon sy&apos;n aros i gael eu hanfon</translation>
    </message>
    <message>
        <source>Tweets that could not reach X yet. The app tries again by itself every 30 seconds while it is open; nothing here is posted twice.</source>
        <translation>Negeseuon nad oedd modd eu cael i X eto. Mae&apos;r ap yn rhoi cynnig arall ar ei ben ei hun bob 30 eiliad tra bydd ar agor; ni fydd dim byd yma&apos;n cael ei bostio ddwywaith.</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>Yn aros i gael ei hanfon</translation>
    </message>
    <message>
        <source>Try again now</source>
        <translation>Rhoi cynnig arall nawr</translation>
    </message>
    <message>
        <source>Send the selected tweet to X now instead of waiting for the next automatic try</source>
        <translation>Anfon y neges a ddewiswyd i X nawr yn lle aros am yr ymgais awtomatig nesaf</translation>
    </message>
    <message>
        <source>Back to editor</source>
        <translation>Yn ôl i&apos;r golygydd</translation>
    </message>
    <message>
        <source>Take the tweet out of the outbox and edit it</source>
        <translation>Tynnu&apos;r neges o&apos;r blwch anfon a&apos;i golygu</translation>
    </message>
    <message>
        <source>Write a tweet</source>
        <translation>Ysgrifennu neges</translation>
    </message>
    <message>
        <source>Tweets on the account</source>
        <translation>Negeseuon ar y cyfrif</translation>
    </message>
    <message>
        <source>The account&apos;s latest tweets, newest first. Choose one to delete it; Refresh (F5) reads them again.</source>
        <translation>Negeseuon diweddaraf y cyfrif, y mwyaf newydd yn gyntaf. Dewiswch un i&apos;w dileu; mae Adnewyddu (F5) yn eu darllen eto.</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Adnewyddu</translation>
    </message>
    <message>
        <source>Fetch the account&apos;s latest tweets again (F5)</source>
        <translation>Nôl negeseuon diweddaraf y cyfrif eto (F5)</translation>
    </message>
    <message>
        <source>Delete tweet…</source>
        <translation>Dileu&apos;r neges…</translation>
    </message>
    <message>
        <source>Delete the selected tweet from the account (asks first)</source>
        <translation>Dileu&apos;r neges a ddewiswyd o&apos;r cyfrif (mae&apos;n gofyn yn gyntaf)</translation>
    </message>
    <message>
        <source>Posting the tweet</source>
        <translation>Wrthi&apos;n postio&apos;r neges</translation>
    </message>
    <message>
        <source>Sending the tweet to X. You can keep working meanwhile.</source>
        <translation>Wrthi&apos;n anfon y neges i X. Gallwch barhau i weithio yn y cyfamser.</translation>
    </message>
    <message>
        <source>The draft is saved again.</source>
        <translation>Mae&apos;r drafft wedi&apos;i gadw eto.</translation>
    </message>
    <message>
        <source>The draft could not be saved ({reason}). The text is still here: keep this window open. The app keeps trying; if the disk is full, ask IT to free some space.</source>
        <translation>Nid oedd modd cadw&apos;r drafft ({reason}). Mae&apos;r testun yma o hyd: cadwch y ffenestr hon ar agor. Mae&apos;r ap yn dal i geisio; os yw&apos;r ddisg yn llawn, gofynnwch i dechnegydd TG yr ysgol ryddhau lle.</translation>
    </message>
    <message>
        <source>{used} / {limit} · {over} over</source>
        <translation>{used} / {limit} · {over} yn ormod</translation>
    </message>
    <message>
        <source>{used} / {limit} · {left} left</source>
        <translation>{used} / {limit} · {left} ar ôl</translation>
    </message>
    <message>
        <source>links count as 23</source>
        <translation>mae dolenni&apos;n cyfrif fel 23</translation>
    </message>
    <message>
        <source>Names cannot be checked: {reason}</source>
        <translation>Does dim modd gwirio enwau: {reason}</translation>
    </message>
    <message>
        <source>“{word}”: {reason}</source>
        <translation>“{word}”: {reason}</translation>
    </message>
    <message>
        <source>Submit for approval</source>
        <translation>Cyflwyno i&apos;w chymeradwyo</translation>
    </message>
    <message>
        <source>The head teacher or an approver checks it before it goes out (Ctrl+Enter)</source>
        <translation>Bydd y pennaeth neu gymeradwywr yn ei gwirio cyn iddi fynd allan (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Your role does not post directly</source>
        <translation>Nid yw eich rôl yn postio&apos;n uniongyrchol</translation>
    </message>
    <message>
        <source>Your role does not post directly: the head teacher can change this on the Staff tab. Your draft is kept.</source>
        <translation>Nid yw eich rôl yn postio&apos;n uniongyrchol: gall y pennaeth newid hyn ar y tab Staff. Mae eich drafft wedi&apos;i gadw.</translation>
    </message>
    <message>
        <source>Not posted: the tweet is still here to edit.</source>
        <translation>Heb ei phostio: mae&apos;r neges yma o hyd i&apos;w golygu.</translation>
    </message>
    <message>
        <source>Not sent: the tweet is still here to edit.</source>
        <translation>Heb ei hanfon: mae&apos;r neges yma o hyd i&apos;w golygu.</translation>
    </message>
    <message>
        <source>Sent for approval: the head teacher or an approver will look at it.</source>
        <translation>Wedi&apos;i hanfon i&apos;w chymeradwyo: bydd y pennaeth neu gymeradwywr yn edrych arni.</translation>
    </message>
    <message>
        <source>It is set for {when}.</source>
        <translation>Mae wedi&apos;i threfnu ar gyfer {when}.</translation>
    </message>
    <message>
        <source>Scheduled for {when}. It goes out then while the app is running; see the Approvals tab.</source>
        <translation>Wedi&apos;i hamserlennu ar gyfer {when}. Bydd yn mynd allan bryd hynny tra bydd yr ap yn rhedeg; gweler y tab Cymeradwyo.</translation>
    </message>
    <message>
        <source>Photos attached to the tweet</source>
        <translation>Lluniau sydd ynghlwm wrth y neges</translation>
    </message>
    <message>
        <source>Add photos…</source>
        <translation>Ychwanegu lluniau…</translation>
    </message>
    <message>
        <source>Attach up to 4 photos prepared on the Photos tab (Ctrl+Shift+A)</source>
        <translation>Atodi hyd at 4 llun a baratowyd ar y tab Lluniau (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <source>Remove photo</source>
        <translation>Tynnu&apos;r llun</translation>
    </message>
    <message>
        <source>Take the selected photo off this tweet; it stays ready on the Photos tab</source>
        <translation>Tynnu&apos;r llun a ddewiswyd oddi ar y neges hon; bydd yn aros yn barod ar y tab Lluniau</translation>
    </message>
    <message>
        <source>{photo}: {description}</source>
        <translation>{photo}: {description}</translation>
    </message>
    <message>
        <source>no description yet</source>
        <translation>dim disgrifiad eto</translation>
    </message>
    <message>
        <source>Not posted: {reason}</source>
        <translation>Heb ei phostio: {reason}</translation>
    </message>
    <message>
        <source>Not posted: pupils&apos; names cannot be checked on this computer. {reason}</source>
        <translation>Heb ei phostio: does dim modd gwirio enwau disgyblion ar y cyfrifiadur hwn. {reason}</translation>
    </message>
    <message>
        <source>Posting…</source>
        <translation>Wrthi&apos;n postio…</translation>
    </message>
    <message>
        <source>Tweet posted.</source>
        <translation>Mae&apos;r neges wedi&apos;i phostio.</translation>
    </message>
    <message>
        <source>The tweet is in the outbox.</source>
        <translation>Mae&apos;r neges yn y blwch anfon.</translation>
    </message>
    <message>
        <source>X refused the tweet; see the outbox.</source>
        <translation>Gwrthododd X y neges; edrychwch yn y blwch anfon.</translation>
    </message>
    <message>
        <source>Tweets posted from the outbox: {count}.</source>
        <translation>Negeseuon a bostiwyd o&apos;r blwch anfon: {count}.</translation>
    </message>
    <message>
        <source>The waiting tweet has now been posted.</source>
        <translation>Mae&apos;r neges a oedd yn aros bellach wedi&apos;i phostio.</translation>
    </message>
    <message>
        <source>Post or clear the text in the editor first.</source>
        <translation>Postiwch neu cliriwch y testun yn y golygydd yn gyntaf.</translation>
    </message>
    <message>
        <source>This tweet is being sent just now; wait a moment.</source>
        <translation>Mae&apos;r neges hon yn cael ei hanfon yr eiliad hon; arhoswch funud.</translation>
    </message>
    <message>
        <source>Fetching the account&apos;s tweets…</source>
        <translation>Wrthi&apos;n nôl negeseuon y cyfrif…</translation>
    </message>
    <message>
        <source>photos: {count}</source>
        <translation>lluniau: {count}</translation>
    </message>
    <message>
        <source>No tweets yet. Write one on the left.</source>
        <translation>Dim negeseuon eto. Ysgrifennwch un ar y chwith.</translation>
    </message>
    <message>
        <source>The account&apos;s tweets could not be fetched. Press Refresh (F5) to try again.</source>
        <translation>Nid oedd modd nôl negeseuon y cyfrif. Pwyswch Adnewyddu (F5) i roi cynnig arall.</translation>
    </message>
    <message>
        <source>Delete tweet?</source>
        <translation>Dileu&apos;r neges?</translation>
    </message>
    <message>
        <source>Delete this tweet from the account?

“{text}”

This cannot be undone.</source>
        <translation>Dileu&apos;r neges hon o&apos;r cyfrif?

“{text}”

Nid oes modd dadwneud hyn.</translation>
    </message>
    <message>
        <source>Delete tweet</source>
        <translation>Dileu&apos;r neges</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Ei chadw</translation>
    </message>
    <message>
        <source>Tweet deleted.</source>
        <translation>Mae&apos;r neges wedi&apos;i dileu.</translation>
    </message>
    <message>
        <source>Waiting to retry (next try at {time})</source>
        <translation>Yn aros i roi cynnig arall (yr ymgais nesaf am {time})</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Angen sylw</translation>
    </message>
    <message>
        <source>Waiting to retry</source>
        <translation>Yn aros i roi cynnig arall</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Yn y ciw</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Wrthi&apos;n anfon</translation>
    </message>
    <message>
        <source>(photo only)</source>
        <translation>(llun yn unig)</translation>
    </message>
    <message>
        <source>{state}: {tweet}</source>
        <translation>{state}: {tweet}</translation>
    </message>
</context>
<context>
    <name>Computers</name>
    <message>
        <source>Enrolment codes are for a school whose computers share a database server. This computer keeps its own database, so there is nothing to join.</source>
        <translation>Mae codau ymrestru ar gyfer ysgol y mae ei chyfrifiaduron yn rhannu gweinydd cronfa ddata. Mae&apos;r cyfrifiadur hwn yn cadw ei gronfa ddata ei hun, felly does dim i ymuno ag ef.</translation>
    </message>
    <message>
        <source>This computer cannot read the school&apos;s audit key, so it cannot pass it on. Make the code on another school computer.</source>
        <translation>Ni all y cyfrifiadur hwn ddarllen allwedd archwilio&apos;r ysgol, felly ni all ei throsglwyddo. Gwnewch y cod ar gyfrifiadur ysgol arall.</translation>
    </message>
    <message>
        <source>The school is not set up on this server yet.</source>
        <translation>Nid yw&apos;r ysgol wedi&apos;i gosod ar y gweinydd hwn eto.</translation>
    </message>
    <message>
        <source>The X keys on this computer were retired when a computer that held them was removed, so they cannot be passed on. Reconnect X with regenerated keys first, or untick “may post”.</source>
        <translation>Cafodd yr allweddi X ar y cyfrifiadur hwn eu hymddeol pan dynnwyd cyfrifiadur a oedd yn eu dal, felly ni ellir eu trosglwyddo. Ailgysylltwch X ag allweddi wedi&apos;u hail-gynhyrchu yn gyntaf, neu dad-diciwch “caiff bostio”.</translation>
    </message>
    <message>
        <source>The X account is not connected on this computer, so its keys cannot be passed on. Untick “may post”, or make the code on the computer where X was connected.</source>
        <translation>Nid yw&apos;r cyfrif X wedi&apos;i gysylltu ar y cyfrifiadur hwn, felly ni ellir trosglwyddo ei allweddi. Dad-diciwch “caiff bostio”, neu gwnewch y cod ar y cyfrifiadur lle cysylltwyd X.</translation>
    </message>
    <message>
        <source>That computer is not one of the school&apos;s computers (or was removed already).</source>
        <translation>Nid yw&apos;r cyfrifiadur hwnnw yn un o gyfrifiaduron yr ysgol (neu cafodd ei dynnu eisoes).</translation>
    </message>
    <message>
        <source>A computer cannot remove itself: do it from another school computer.</source>
        <translation>Ni all cyfrifiadur dynnu ei hun: gwnewch hyn o gyfrifiadur ysgol arall.</translation>
    </message>
    <message>
        <source>Ask IT to remove its database account (remove-computer.sql).</source>
        <translation>Gofynnwch i TG dynnu ei gyfrif cronfa ddata (remove-computer.sql).</translation>
    </message>
    <message>
        <source>Import the pupil roster again (the old one was made unreadable to the removed computer).</source>
        <translation>Mewnforiwch y rhestr ddisgyblion eto (gwnaed yr hen un yn annarllenadwy i&apos;r cyfrifiadur a dynnwyd).</translation>
    </message>
    <message>
        <source>Regenerate the X keys on the X developer portal and reconnect X (the removed computer had them).</source>
        <translation>Ail-gynhyrchwch yr allweddi X ym mhorth datblygwyr X ac ailgysylltwch X (roedd yr allweddi gan y cyfrifiadur a dynnwyd).</translation>
    </message>
    <message>
        <source>Not posted: the X account&apos;s keys were retired when a computer that held them was removed from the school. The head teacher must regenerate the keys on the X developer portal and reconnect X in Settings; until then nothing is sent with the old keys.</source>
        <translation>Heb ei bostio: cafodd allweddi cyfrif X eu hymddeol pan dynnwyd cyfrifiadur a oedd yn eu dal o&apos;r ysgol. Rhaid i&apos;r pennaeth ail-gynhyrchu&apos;r allweddi ym mhorth datblygwyr X ac ailgysylltu X yn Gosodiadau; tan hynny ni anfonir dim gyda&apos;r hen allweddi.</translation>
    </message>
</context>
<context>
    <name>ConnectXDialog</name>
    <message>
        <source>Connect the school&apos;s X account</source>
        <translation>Cysylltu cyfrif X yr ysgol</translation>
    </message>
    <message>
        <source>Sign in on x.com</source>
        <translation>Mewngofnodi ar x.com</translation>
    </message>
    <message>
        <source>Type all four codes</source>
        <translation>Teipio&apos;r pedwar cod</translation>
    </message>
    <message>
        <source>Easiest: sign in on x.com and type the code it shows</source>
        <translation>Hawsaf: mewngofnodwch ar x.com a theipio&apos;r cod y mae&apos;n ei ddangos</translation>
    </message>
    <message>
        <source>Type the four codes from the “Keys and tokens” page of the school&apos;s app on X</source>
        <translation>Teipiwch y pedwar cod o dudalen “Keys and tokens” ap yr ysgol ar X</translation>
    </message>
    <message>
        <source>The codes come from the school&apos;s own app on X (X calls it a “developer app”), with permission to read and write only: never direct messages.</source>
        <translation>Daw&apos;r codau o ap yr ysgol ei hun ar X (mae X yn ei alw&apos;n “developer app”), gyda chaniatâd i ddarllen ac ysgrifennu yn unig: byth negeseuon uniongyrchol.</translation>
    </message>
    <message>
        <source>How do I get these?</source>
        <translation>Sut mae cael y rhain?</translation>
    </message>
    <message>
        <source>Step by step: creating the school&apos;s app on X, its permissions, where the codes are, what X charges</source>
        <translation>Cam wrth gam: creu ap yr ysgol ar X, ei ganiatâd, ble mae&apos;r codau, beth mae X yn ei godi</translation>
    </message>
    <message>
        <source>School app&apos;s key</source>
        <translation>Allwedd ap yr ysgol</translation>
    </message>
    <message>
        <source>School app&apos;s secret</source>
        <translation>Cyfrinach ap yr ysgol</translation>
    </message>
    <message>
        <source>Opens x.com in your web browser: sign in as the school&apos;s account and x.com shows a code to type below</source>
        <translation>Yn agor x.com yn eich porwr gwe: mewngofnodwch fel cyfrif yr ysgol a bydd x.com yn dangos cod i&apos;w deipio isod</translation>
    </message>
    <message>
        <source>The code x.com shows</source>
        <translation>Y cod y mae x.com yn ei ddangos</translation>
    </message>
    <message>
        <source>The number x.com shows after you sign in; it is not anyone&apos;s PIN for this app</source>
        <translation>Y rhif y mae x.com yn ei ddangos ar ôl i chi fewngofnodi; nid PIN neb ar gyfer yr ap hwn yw e</translation>
    </message>
    <message>
        <source>On X&apos;s “Keys and tokens” page: “API Key” (or “Consumer Key”).</source>
        <translation>Ar dudalen “Keys and tokens” X: “API Key” (neu “Consumer Key”).</translation>
    </message>
    <message>
        <source>On the same page: “API Key Secret”.</source>
        <translation>Ar yr un dudalen: “API Key Secret”.</translation>
    </message>
    <message>
        <source>After you sign in on x.com as the school, x.com shows a number: type it here. It is not a staff PIN.</source>
        <translation>Ar ôl i chi fewngofnodi ar x.com fel yr ysgol, mae x.com yn dangos rhif: teipiwch e yma. Nid PIN aelod o staff yw e.</translation>
    </message>
    <message>
        <source>Account access code</source>
        <translation>Cod mynediad y cyfrif</translation>
    </message>
    <message>
        <source>Account access secret</source>
        <translation>Cyfrinach mynediad y cyfrif</translation>
    </message>
    <message>
        <source>“Access Token”, made for the school&apos;s account after the app was set to read and write.</source>
        <translation>“Access Token”, wedi&apos;i wneud ar gyfer cyfrif yr ysgol ar ôl gosod yr ap i ddarllen ac ysgrifennu.</translation>
    </message>
    <message>
        <source>“Access Token Secret”, shown beside it.</source>
        <translation>“Access Token Secret”, a ddangosir wrth ei ymyl.</translation>
    </message>
    <message>
        <source>Type the school app&apos;s key and secret first.</source>
        <translation>Teipiwch allwedd a chyfrinach ap yr ysgol yn gyntaf.</translation>
    </message>
    <message>
        <source>Sign in on x.com as the school&apos;s account, then type the code x.com shows. If no browser opened, go to: {url}</source>
        <translation>Mewngofnodwch ar x.com fel cyfrif yr ysgol, yna teipiwch y cod y mae x.com yn ei ddangos. Os na agorodd porwr, ewch i: {url}</translation>
    </message>
    <message>
        <source>Open the sign-in page and type the code x.com shows.</source>
        <translation>Agorwch y dudalen fewngofnodi a theipio&apos;r cod y mae x.com yn ei ddangos.</translation>
    </message>
    <message>
        <source>All four codes are needed.</source>
        <translation>Mae angen y pedwar cod.</translation>
    </message>
    <message>
        <source>Checking the codes with X…</source>
        <translation>Yn gwirio&apos;r codau gydag X…</translation>
    </message>
    <message>
        <source>Open the x.com sign-in page</source>
        <translation>Agor tudalen mewngofnodi x.com</translation>
    </message>
    <message>
        <source>Check and save</source>
        <translation>Gwirio a chadw</translation>
    </message>
    <message>
        <source>Checks the keys with X, refuses keys that allow direct messages, then keeps them only in this computer&apos;s secure password store</source>
        <translation>Yn gwirio&apos;r allweddi gydag X, yn gwrthod allweddi sy&apos;n caniatáu negeseuon uniongyrchol, ac yna&apos;n eu cadw yn storfa gyfrineiriau ddiogel y cyfrifiadur hwn yn unig</translation>
    </message>
    <message>
        <source>Asking X for a sign-in page…</source>
        <translation>Yn gofyn i X am dudalen mewngofnodi…</translation>
    </message>
    <message>
        <source>connect or replace the school&apos;s X account</source>
        <translation>cysylltu neu newid cyfrif X yr ysgol</translation>
    </message>
    <message>
        <source>Connected as @{handle}. Restart the app to switch from the practice account to the real one.</source>
        <translation>Wedi cysylltu fel @{handle}. Ailgychwynnwch yr ap i newid o&apos;r cyfrif ymarfer i&apos;r cyfrif go iawn.</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>The disk that holds {folder} is full, so the app could not save. Nothing that was already saved is lost. Free some space on that disk (empty the recycle bin, remove old downloads), then start the app again.</source>
        <translation>Mae&apos;r ddisg sy&apos;n dal {folder} yn llawn, felly ni allai&apos;r ap gadw. Does dim byd a gadwyd eisoes wedi&apos;i golli. Rhyddhewch ychydig o le ar y ddisg honno (gwagiwch y bin ailgylchu, tynnwch hen lawrlwythiadau), yna dechreuwch yr ap eto.</translation>
    </message>
    <message>
        <source>The school&apos;s database server cannot be reached, so this was not done: nothing is posted, approved or recorded until the server is back. The app keeps trying; try again in a moment.</source>
        <translation>Does dim modd cyrraedd gweinydd cronfa ddata&apos;r ysgol, felly ni wnaed hyn: does dim yn cael ei bostio, ei gymeradwyo na&apos;i gofnodi nes bydd y gweinydd yn ôl. Mae&apos;r ap yn dal i geisio; rhowch gynnig arall arni mewn munud.</translation>
    </message>
    <message>
        <source>(Server: {where}.)</source>
        <translation>(Gweinydd: {where}.)</translation>
    </message>
    <message>
        <source>Do not delete or replace {file} and the files next to it: copy the whole folder {folder} somewhere safe first, then restore the folder from the last backup (installers/KIOSK.md, “Restoring”) and keep the damaged copy for IT.</source>
        <translation>Peidiwch â dileu na disodli {file} na&apos;r ffeiliau wrth ei ymyl: copïwch y ffolder cyfan {folder} i rywle diogel yn gyntaf, yna adferwch y ffolder o&apos;r copi wrth gefn diwethaf (installers/KIOSK.md, “Restoring”) a chadwch y copi sydd wedi&apos;i ddifrodi i&apos;r staff TG.</translation>
    </message>
    <message>
        <source>The app&apos;s database at {path} cannot be read ({error}).</source>
        <translation>Nid oes modd darllen cronfa ddata&apos;r ap yn {path} ({error}).</translation>
    </message>
    <message>
        <source>The school&apos;s database {where} needs bringing up to date for this version of the app, and this computer&apos;s database role may not change its layout (that is kept to the database&apos;s owner role, so no computer can alter or drop the school&apos;s tables). Ask the IT technician to run, on any computer, stpeters-desk database upgrade --database postgresql://stpeters_desk_owner@SERVER/DATABASE (the owner role made by create-school-database.sql), then start the app here again. Nothing was changed.</source>
        <translation>Mae angen diweddaru cronfa ddata&apos;r ysgol {where} ar gyfer y fersiwn hwn o&apos;r ap, ac ni chaiff rôl cronfa ddata&apos;r cyfrifiadur hwn newid ei chynllun (mae hynny wedi&apos;i gadw i rôl perchennog y gronfa ddata, fel na all unrhyw gyfrifiadur newid na dileu tablau&apos;r ysgol). Gofynnwch i&apos;r technegydd TG redeg, ar unrhyw gyfrifiadur, stpeters-desk database upgrade --database postgresql://stpeters_desk_owner@SERVER/DATABASE (y rôl perchennog a wnaed gan create-school-database.sql), yna dechreuwch yr ap yma eto. Ni newidiwyd dim.</translation>
    </message>
    <message>
        <source>The database at {path} was last used by a newer version of the app (its layout is number {found}; this version knows up to {known}). Nothing was changed. Install the newer version again, or restore the data folder from a backup made before the update.</source>
        <translation>Cafodd y gronfa ddata yn {path} ei defnyddio ddiwethaf gan fersiwn mwy newydd o&apos;r ap (rhif ei chynllun yw {found}; mae&apos;r fersiwn hwn yn gwybod hyd at {known}). Ni newidiwyd dim. Gosodwch y fersiwn mwy newydd eto, neu adferwch y ffolder data o gopi wrth gefn a wnaed cyn y diweddariad.</translation>
    </message>
    <message>
        <source>nobody is signed in</source>
        <translation>does neb wedi mewngofnodi</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>mae&apos;r ddisg yn llawn</translation>
    </message>
    <message>
        <source>The school&apos;s database server {where} does not offer an encrypted (TLS) connection, and the app sends the school&apos;s data only over one. Ask the IT technician to turn on ssl on the server (ssl = on in postgresql.conf, with a certificate). A server on this same computer can be reached through its Unix socket instead (host=/var/run/postgresql), where TLS does not apply.</source>
        <translation>Nid yw gweinydd cronfa ddata&apos;r ysgol {where} yn cynnig cysylltiad wedi&apos;i amgryptio (TLS), ac mae&apos;r ap yn anfon data&apos;r ysgol dros gysylltiad felly yn unig. Gofynnwch i&apos;r technegydd TG droi ssl ymlaen ar y gweinydd (ssl = on yn postgresql.conf, gyda thystysgrif). Gellir cyrraedd gweinydd ar yr un cyfrifiadur hwn drwy ei soced Unix yn lle hynny (host=/var/run/postgresql), lle nad yw TLS yn berthnasol.</translation>
    </message>
    <message>
        <source>The app could not check the certificate of the school&apos;s database server {where}: {error}. Check that sslrootcert= names the school&apos;s root certificate file and that the server&apos;s address matches its certificate.</source>
        <translation>Nid oedd modd i&apos;r ap wirio tystysgrif gweinydd cronfa ddata&apos;r ysgol {where}: {error}. Gwiriwch fod sslrootcert= yn enwi ffeil tystysgrif wraidd yr ysgol a bod cyfeiriad y gweinydd yn cyfateb i&apos;w dystysgrif.</translation>
    </message>
    <message>
        <source>The app cannot reach the school&apos;s database server {where}: {error}. Check the address and that the server is running.</source>
        <translation>Nid yw&apos;r ap yn gallu cyrraedd gweinydd cronfa ddata&apos;r ysgol {where}: {error}. Gwiriwch y cyfeiriad a bod y gweinydd yn rhedeg.</translation>
    </message>
</context>
<context>
    <name>Dates</name>
    <message>
        <source>Mon</source>
        <translation>Llun</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>Maw</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>Mer</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>Iau</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>Gwe</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>Sad</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>Sul</translation>
    </message>
    <message>
        <source>Jan</source>
        <translation>Ion</translation>
    </message>
    <message>
        <source>Feb</source>
        <translation>Chwef</translation>
    </message>
    <message>
        <source>Mar</source>
        <translation>Maw</translation>
    </message>
    <message>
        <source>Apr</source>
        <translation>Ebr</translation>
    </message>
    <message>
        <source>May</source>
        <translation>Mai</translation>
    </message>
    <message>
        <source>Jun</source>
        <translation>Meh</translation>
    </message>
    <message>
        <source>Jul</source>
        <translation>Gorff</translation>
    </message>
    <message>
        <source>Aug</source>
        <translation>Awst</translation>
    </message>
    <message>
        <source>Sep</source>
        <translation>Medi</translation>
    </message>
    <message>
        <source>Oct</source>
        <translation>Hyd</translation>
    </message>
    <message>
        <source>Nov</source>
        <translation>Tach</translation>
    </message>
    <message>
        <source>Dec</source>
        <translation>Rhag</translation>
    </message>
    <message>
        <source>January</source>
        <translation>Ionawr</translation>
    </message>
    <message>
        <source>February</source>
        <translation>Chwefror</translation>
    </message>
    <message>
        <source>March</source>
        <translation>Mawrth</translation>
    </message>
    <message>
        <source>April</source>
        <translation>Ebrill</translation>
    </message>
    <message>
        <source>May (month)</source>
        <translation>Mai</translation>
    </message>
    <message>
        <source>June</source>
        <translation>Mehefin</translation>
    </message>
    <message>
        <source>July</source>
        <translation>Gorffennaf</translation>
    </message>
    <message>
        <source>August</source>
        <translation>Awst</translation>
    </message>
    <message>
        <source>September</source>
        <translation>Medi</translation>
    </message>
    <message>
        <source>October</source>
        <translation>Hydref</translation>
    </message>
    <message>
        <source>November</source>
        <translation>Tachwedd</translation>
    </message>
    <message>
        <source>December</source>
        <translation>Rhagfyr</translation>
    </message>
    <message>
        <source>{day} at {time}</source>
        <translation>{day} am {time}</translation>
    </message>
</context>
<context>
    <name>DeleteTweetDialog</name>
    <message>
        <source>Why the tweet is deleted</source>
        <translation>Pam mae&apos;r neges yn cael ei dileu</translation>
    </message>
    <message>
        <source>Why (kept in the audit log), e.g. wrong date</source>
        <translation>Pam (caiff ei gadw yn y log archwilio), e.e. dyddiad anghywir</translation>
    </message>
</context>
<context>
    <name>Devices</name>
    <message>
        <source>That posting exception does not exist.</source>
        <translation>Nid yw&apos;r eithriad postio hwnnw&apos;n bodoli.</translation>
    </message>
    <message>
        <source>{computer} is registered with the school for tweeting.</source>
        <translation>Mae {computer} wedi&apos;i gofrestru gyda&apos;r ysgol ar gyfer postio negeseuon.</translation>
    </message>
    <message>
        <source>Tweets may be sent from {computer} until {end} for: {reason}.</source>
        <translation>Mae modd anfon negeseuon o {computer} tan {end} ar gyfer: {reason}.</translation>
    </message>
    <message>
        <source>{computer} is not a school-registered computer, so tweets cannot be sent from it. The head teacher can register it, or allow it for a school trip or sports event.</source>
        <translation>Nid yw {computer} yn gyfrifiadur sydd wedi&apos;i gofrestru gyda&apos;r ysgol, felly does dim modd anfon negeseuon ohono. Gall y pennaeth ei gofrestru, neu ei ganiatáu ar gyfer trip ysgol neu ddigwyddiad chwaraeon.</translation>
    </message>
    <message>
        <source>Say what the exception is for, e.g. “Year 6 trip to the coast”.</source>
        <translation>Dywedwch beth yw pwrpas yr eithriad, e.e. “Trip Blwyddyn 6 i&apos;r arfordir”.</translation>
    </message>
    <message>
        <source>Keep the reason under {count} characters.</source>
        <translation>Cadwch y rheswm o dan {count} nod.</translation>
    </message>
    <message>
        <source>The end of the exception must come after its start.</source>
        <translation>Rhaid i ddiwedd yr eithriad ddod ar ôl ei ddechrau.</translation>
    </message>
    <message>
        <source>That time has already passed. Choose an end in the future.</source>
        <translation>Mae&apos;r amser hwnnw wedi mynd heibio&apos;n barod. Dewiswch amser gorffen yn y dyfodol.</translation>
    </message>
    <message>
        <source>An exception can last at most {count} days. For longer, register the computer instead.</source>
        <translation>Gall eithriad bara {count} diwrnod ar y mwyaf. Am gyfnod hirach, cofrestrwch y cyfrifiadur yn lle hynny.</translation>
    </message>
</context>
<context>
    <name>Enrolment</name>
    <message>
        <source>That is not an enrolment code: a code has five groups of four letters and digits, like ABCD-EFGH-JKMN-PQRS-TUVW (codes never use 0, O, 1, I or L). Check what the head teacher&apos;s screen shows.</source>
        <translation>Nid cod ymrestru yw hwnnw: mae gan god bum grŵp o bedair llythyren a digid, fel ABCD-EFGH-JKMN-PQRS-TUVW (nid yw codau byth yn defnyddio 0, O, 1, I nac L). Gwiriwch beth sydd ar sgrin y pennaeth.</translation>
    </message>
    <message>
        <source>No enrolment code on this server starts with {offer}. Check the first group and the server&apos;s address, or ask the head teacher for a new code.</source>
        <translation>Nid oes cod ymrestru ar y gweinydd hwn sy&apos;n dechrau gyda {offer}. Gwiriwch y grŵp cyntaf a chyfeiriad y gweinydd, neu gofynnwch i&apos;r pennaeth am god newydd.</translation>
    </message>
    <message>
        <source>This enrolment code was already used: each code works once. Ask the head teacher for a new one.</source>
        <translation>Mae&apos;r cod ymrestru hwn wedi&apos;i ddefnyddio eisoes: mae pob cod yn gweithio unwaith. Gofynnwch i&apos;r pennaeth am un newydd.</translation>
    </message>
    <message>
        <source>This enrolment code was typed wrongly {count} times, so it was destroyed. Ask the head teacher for a new one.</source>
        <translation>Cafodd y cod ymrestru hwn ei deipio&apos;n anghywir {count} gwaith, felly cafodd ei ddinistrio. Gofynnwch i&apos;r pennaeth am un newydd.</translation>
    </message>
    <message>
        <source>This enrolment code has expired (codes last {minutes} minutes). Ask the head teacher for a new one.</source>
        <translation>Mae&apos;r cod ymrestru hwn wedi dod i ben (mae codau&apos;n para {minutes} munud). Gofynnwch i&apos;r pennaeth am un newydd.</translation>
    </message>
    <message>
        <source>That code is not right. Check it against the head teacher&apos;s screen: {left} more tries before the code is destroyed.</source>
        <translation>Nid yw&apos;r cod hwnnw&apos;n gywir. Gwiriwch ef yn erbyn sgrin y pennaeth: {left} cynnig arall cyn i&apos;r cod gael ei ddinistrio.</translation>
    </message>
    <message>
        <source>This code was made for another school&apos;s database.</source>
        <translation>Cafodd y cod hwn ei wneud ar gyfer cronfa ddata ysgol arall.</translation>
    </message>
</context>
<context>
    <name>ExceptionDialog</name>
    <message>
        <source>Allow posting from this computer for an event</source>
        <translation>Caniatáu postio o&apos;r cyfrifiadur hwn ar gyfer digwyddiad</translation>
    </message>
    <message>
        <source>From</source>
        <translation>O</translation>
    </message>
    <message>
        <source>When tweets from this computer may start</source>
        <translation>Pryd y caiff negeseuon o&apos;r cyfrifiadur hwn ddechrau</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Tan</translation>
    </message>
    <message>
        <source>After this moment the computer may no longer post</source>
        <translation>Ar ôl yr adeg hon ni chaiff y cyfrifiadur bostio mwyach</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Rheswm</translation>
    </message>
    <message>
        <source>e.g. Year 6 residential trip</source>
        <translation>e.e. Trip preswyl Blwyddyn 6</translation>
    </message>
    <message>
        <source>Why this computer needs to post; recorded in the audit log</source>
        <translation>Pam mae angen i&apos;r cyfrifiadur hwn bostio; caiff ei gofnodi yn y log archwilio</translation>
    </message>
    <message>
        <source>Allow posting</source>
        <translation>Caniatáu postio</translation>
    </message>
    <message>
        <source>Asks for the head teacher&apos;s PIN, then lets this computer post between these times</source>
        <translation>Yn gofyn am PIN y pennaeth, yna&apos;n gadael i&apos;r cyfrifiadur hwn bostio rhwng yr amseroedd hyn</translation>
    </message>
</context>
<context>
    <name>FollowerRisk</name>
    <message>
        <source>On the school&apos;s watchlist</source>
        <translation>Ar restr wylio&apos;r ysgol</translation>
    </message>
    <message>
        <source>On the school&apos;s trusted list</source>
        <translation>Ar restr cyfrifon dibynadwy&apos;r ysgol</translation>
    </message>
    <message>
        <source>Account age unknown</source>
        <translation>Oed y cyfrif yn anhysbys</translation>
    </message>
    <message>
        <source>Account is {days} day old</source>
        <translation>Mae&apos;r cyfrif yn {days} diwrnod oed</translation>
    </message>
    <message>
        <source>Account is {days} days old</source>
        <translation>Mae&apos;r cyfrif yn {days} diwrnod oed</translation>
    </message>
    <message>
        <source>Has X&apos;s default picture</source>
        <translation>Mae ganddo lun diofyn X</translation>
    </message>
    <message>
        <source>Has never posted</source>
        <translation>Nid yw erioed wedi postio</translation>
    </message>
    <message>
        <source>Handle @{handle} looks made up by a machine</source>
        <translation>Mae&apos;r enw defnyddiwr @{handle} yn edrych fel pe bai peiriant wedi&apos;i greu</translation>
    </message>
    <message>
        <source>No bio</source>
        <translation>Dim bywgraffiad</translation>
    </message>
    <message>
        <source>Protected account: its posts cannot be checked</source>
        <translation>Cyfrif wedi&apos;i ddiogelu: does dim modd gwirio ei negeseuon</translation>
    </message>
    <message>
        <source>Follows {following} accounts but has only {followers} follower (typical of follow-back bots)</source>
        <translation>Mae&apos;n dilyn {following} cyfrif ond dim ond {followers} dilynwr sydd ganddo (nodweddiadol o fotiau dilyn-yn-ôl)</translation>
    </message>
    <message>
        <source>Follows {following} accounts but has only {followers} followers (typical of follow-back bots)</source>
        <translation>Mae&apos;n dilyn {following} cyfrif ond dim ond {followers} dilynwr sydd ganddo (nodweddiadol o fotiau dilyn-yn-ôl)</translation>
    </message>
    <message>
        <source>Follows {following} accounts, over 20 times its {followers} followers</source>
        <translation>Mae&apos;n dilyn {following} cyfrif, dros 20 gwaith ei {followers} dilynwr</translation>
    </message>
    <message>
        <source>{section} in name or bio: {words}</source>
        <translation>{section} yn yr enw neu&apos;r bywgraffiad: {words}</translation>
    </message>
    <message>
        <source>No location given</source>
        <translation>Dim lleoliad wedi&apos;i roi</translation>
    </message>
    <message>
        <source>Location near the school ({location})</source>
        <translation>Lleoliad yn agos at yr ysgol ({location})</translation>
    </message>
    <message>
        <source>Location in the UK but not near Pilning ({location})</source>
        <translation>Lleoliad yn y DU ond nid yn agos at Pilning ({location})</translation>
    </message>
    <message>
        <source>Location far from the school ({location})</source>
        <translation>Lleoliad ymhell o&apos;r ysgol ({location})</translation>
    </message>
    <message>
        <source>Wrote {count} reply the moderation check suggested hiding</source>
        <translation>Ysgrifennodd {count} ateb yr awgrymodd y gwiriad cymedroli y dylid ei guddio</translation>
    </message>
    <message>
        <source>Wrote {count} replies the moderation check suggested hiding</source>
        <translation>Ysgrifennodd {count} ateb yr awgrymodd y gwiriad cymedroli y dylid eu cuddio</translation>
    </message>
</context>
<context>
    <name>FollowersTab</name>
    <message>
        <source>Followers</source>
        <translation>Dilynwyr</translation>
    </message>
    <message>
        <source>Blocked accounts</source>
        <translation>Cyfrifon wedi&apos;u rhwystro</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Newydd</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risg</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Pam</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Lleoliad</translation>
    </message>
    <message>
        <source>Following</source>
        <translation>Yn dilyn</translation>
    </message>
    <message>
        <source>Account age (days)</source>
        <translation>Oed y cyfrif (dyddiau)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statws</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cyfrif</translation>
    </message>
    <message>
        <source>Known parent, carer or family</source>
        <translation>Rhiant, gofalwr neu deulu hysbys</translation>
    </message>
    <message>
        <source>Local organisation or school partner</source>
        <translation>Sefydliad lleol neu bartner yr ysgol</translation>
    </message>
    <message>
        <source>Spam or bot account</source>
        <translation>Cyfrif sbam neu fot</translation>
    </message>
    <message>
        <source>Adult, gambling or crypto content</source>
        <translation>Cynnwys i oedolion, gamblo neu arian cripto</translation>
    </message>
    <message>
        <source>Hostile to the school or its staff</source>
        <translation>Gelyniaethus tuag at yr ysgol neu ei staff</translation>
    </message>
    <message>
        <source>{score} low</source>
        <translation>{score} isel</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Wedi&apos;i rwystro</translation>
    </message>
    <message>
        <source>Trusted</source>
        <translation>Dibynadwy</translation>
    </message>
    <message>
        <source>Watchlist</source>
        <translation>Rhestr wylio</translation>
    </message>
    <message>
        <source>Reviewed by {name}</source>
        <translation>Adolygwyd gan {name}</translation>
    </message>
    <message>
        <source>Not reviewed</source>
        <translation>Heb ei adolygu</translation>
    </message>
    <message>
        <source>Unblock pending</source>
        <translation>Dadrwystro heb ei gadarnhau</translation>
    </message>
    <message>
        <source>Sync followers</source>
        <translation>Cysoni dilynwyr</translation>
    </message>
    <message>
        <source>Read the whole follower list from X and score newcomers (F5)</source>
        <translation>Darllen rhestr gyfan y dilynwyr o X a rhoi sgôr i&apos;r rhai newydd (F5)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Canslo</translation>
    </message>
    <message>
        <source>Stop after the current page; what was read is kept</source>
        <translation>Stopio ar ôl y dudalen bresennol; mae&apos;r hyn a ddarllenwyd yn cael ei gadw</translation>
    </message>
    <message>
        <source>Reading followers</source>
        <translation>Yn darllen dilynwyr</translation>
    </message>
    <message>
        <source>Which accounts to show</source>
        <translation>Pa gyfrifon i&apos;w dangos</translation>
    </message>
    <message>
        <source>Followers: everyone following the school, scored. Blocked accounts: X&apos;s blocked list, to unblock someone</source>
        <translation>Dilynwyr: pawb sy&apos;n dilyn yr ysgol, gyda sgôr. Cyfrifon wedi&apos;u rhwystro: rhestr rwystro X, i ddadrwystro rhywun</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Dangos</translation>
    </message>
    <message>
        <source>Filter followers</source>
        <translation>Hidlo dilynwyr</translation>
    </message>
    <message>
        <source>Filter: type any words from a handle, name, bio, place or reason, e.g. “crypto” or “high”</source>
        <translation>Hidlo: teipiwch unrhyw eiriau o enw defnyddiwr, enw, bywgraffiad, lle neu reswm, e.e. “cripto” neu “uchel”</translation>
    </message>
    <message>
        <source>Shows only the accounts with every word you type; clear it to see them all</source>
        <translation>Yn dangos dim ond y cyfrifon sy&apos;n cynnwys pob gair rydych chi&apos;n ei deipio; cliriwch y blwch i&apos;w gweld i gyd</translation>
    </message>
    <message>
        <source>Followers and their risk scores</source>
        <translation>Dilynwyr a&apos;u sgoriau risg</translation>
    </message>
    <message>
        <source>New followers first</source>
        <translation>Dilynwyr newydd yn gyntaf</translation>
    </message>
    <message>
        <source>The chosen account in full</source>
        <translation>Y cyfrif a ddewiswyd yn llawn</translation>
    </message>
    <message>
        <source>Reviewed: OK</source>
        <translation>Adolygwyd: Iawn</translation>
    </message>
    <message>
        <source>Looked at: this account may stay</source>
        <translation>Wedi edrych arno: caiff y cyfrif hwn aros</translation>
    </message>
    <message>
        <source>Watchlist on/off</source>
        <translation>Rhestr wylio ymlaen/i ffwrdd</translation>
    </message>
    <message>
        <source>Keep an eye on this account: it rises up the list</source>
        <translation>Cadw llygad ar y cyfrif hwn: mae&apos;n codi i fyny&apos;r rhestr</translation>
    </message>
    <message>
        <source>Trusted on/off</source>
        <translation>Dibynadwy ymlaen/i ffwrdd</translation>
    </message>
    <message>
        <source>A known parent, carer or local organisation</source>
        <translation>Rhiant, gofalwr neu sefydliad lleol y mae&apos;r ysgol yn ei adnabod</translation>
    </message>
    <message>
        <source>Block…</source>
        <translation>Rhwystro…</translation>
    </message>
    <message>
        <source>Opens their page on x.com to block them there; the block shows as pending until X&apos;s blocked list confirms it</source>
        <translation>Yn agor eu tudalen ar x.com i&apos;w rhwystro yno; mae&apos;r rhwystr yn dangos yn yr arfaeth nes bod rhestr rwystro X yn ei gadarnhau</translation>
    </message>
    <message>
        <source>Unblock…</source>
        <translation>Dadrwystro…</translation>
    </message>
    <message>
        <source>Needs the head teacher&apos;s PIN, then x.com</source>
        <translation>Angen PIN y pennaeth, yna x.com</translation>
    </message>
    <message>
        <source>Finish review</source>
        <translation>Gorffen adolygu</translation>
    </message>
    <message>
        <source>Everyone listed has been looked at: only later followers will show as new</source>
        <translation>Mae pawb sydd ar y rhestr wedi cael eu gweld: dim ond dilynwyr diweddarach fydd yn dangos fel rhai newydd</translation>
    </message>
    <message>
        <source>The account</source>
        <translation>Y cyfrif</translation>
    </message>
    <message>
        <source>Reading the account&apos;s blocked list from X…</source>
        <translation>Yn darllen rhestr rwystro&apos;r cyfrif o X…</translation>
    </message>
    <message>
        <source>Reading the rest of the followers…</source>
        <translation>Yn darllen gweddill y dilynwyr…</translation>
    </message>
    <message>
        <source>Blocked accounts: {count}</source>
        <translation>Cyfrifon wedi&apos;u rhwystro: {count}</translation>
    </message>
    <message>
        <source>X&apos;s blocked list for the account is empty. Accounts you block from the Followers list appear here once X confirms the block.</source>
        <translation>Mae rhestr rwystro X ar gyfer y cyfrif yn wag. Mae cyfrifon rydych chi&apos;n eu rhwystro o&apos;r rhestr Dilynwyr yn ymddangos yma pan fydd X yn cadarnhau&apos;r rhwystr.</translation>
    </message>
    <message>
        <source>Followers: {total} · New since the last review: {new} · High risk: {high}</source>
        <translation>Dilynwyr: {total} · Newydd ers yr adolygiad diwethaf: {new} · Risg uchel: {high}</translation>
    </message>
    <message>
        <source>No followers listed yet. Press “Sync followers” to read them from X.</source>
        <translation>Does dim dilynwyr wedi&apos;u rhestru eto. Pwyswch “Cysoni dilynwyr” i&apos;w darllen o X.</translation>
    </message>
    <message>
        <source>No accounts match the filter. Clear the filter box to see them all.</source>
        <translation>Does dim cyfrifon yn cyfateb i&apos;r hidlydd. Cliriwch y blwch hidlo i&apos;w gweld i gyd.</translation>
    </message>
    <message>
        <source>Choose an account in the list to see why it scored as it did.</source>
        <translation>Dewiswch gyfrif yn y rhestr i weld y rhesymau dros ei sgôr.</translation>
    </message>
    <message>
        <source>First seen following {day}</source>
        <translation>Gwelwyd yn dilyn gyntaf: {day}</translation>
    </message>
    <message>
        <source>Status: {status}</source>
        <translation>Statws: {status}</translation>
    </message>
    <message>
        <source>Reading the followers from X…</source>
        <translation>Yn darllen y dilynwyr o X…</translation>
    </message>
    <message>
        <source>{done} of {total}</source>
        <translation>{done} o {total}</translation>
    </message>
    <message>
        <source>Stopping after the current page…</source>
        <translation>Yn stopio ar ôl y dudalen bresennol…</translation>
    </message>
    <message>
        <source>Followers read: {seen}. New: {new}. No longer following: {gone}.</source>
        <translation>Dilynwyr a ddarllenwyd: {seen}. Newydd: {new}. Ddim yn dilyn mwyach: {gone}.</translation>
    </message>
    <message>
        <source>Block confirmed on X for {handles}.</source>
        <translation>Rhwystr wedi&apos;i gadarnhau ar X ar gyfer {handles}.</translation>
    </message>
    <message>
        <source>Sync stopped. The followers read so far are saved; nobody is counted as gone until a sync finishes. Press “Sync followers” to read the rest.</source>
        <translation>Mae&apos;r cysoni wedi stopio. Mae&apos;r dilynwyr a ddarllenwyd hyd yma wedi&apos;u cadw; does neb yn cael ei gyfrif fel un sydd wedi gadael nes bod cysoni&apos;n gorffen. Pwyswch “Cysoni dilynwyr” i ddarllen y gweddill.</translation>
    </message>
    <message>
        <source>Choose an account in the list first.</source>
        <translation>Dewiswch gyfrif yn y rhestr yn gyntaf.</translation>
    </message>
    <message>
        <source>Marked as reviewed: this account may stay.</source>
        <translation>Wedi&apos;i farcio fel wedi&apos;i adolygu: caiff y cyfrif hwn aros.</translation>
    </message>
    <message>
        <source>Looked at: school community</source>
        <translation>Wedi edrych arno: cymuned yr ysgol</translation>
    </message>
    <message>
        <source>Added to the watchlist.</source>
        <translation>Wedi&apos;i ychwanegu at y rhestr wylio.</translation>
    </message>
    <message>
        <source>Taken off the watchlist.</source>
        <translation>Wedi&apos;i dynnu oddi ar y rhestr wylio.</translation>
    </message>
    <message>
        <source>Marked as trusted.</source>
        <translation>Wedi&apos;i farcio&apos;n ddibynadwy.</translation>
    </message>
    <message>
        <source>No longer marked as trusted.</source>
        <translation>Nid yw wedi&apos;i farcio&apos;n ddibynadwy mwyach.</translation>
    </message>
    <message>
        <source>Review finished: followers from now on will show as new.</source>
        <translation>Adolygiad wedi&apos;i orffen: bydd dilynwyr o hyn ymlaen yn dangos fel rhai newydd.</translation>
    </message>
    <message>
        <source>Block on @{handle} is pending until X&apos;s blocked list shows it.</source>
        <translation>Mae&apos;r rhwystr ar @{handle} yn yr arfaeth nes bod rhestr rwystro X yn ei ddangos.</translation>
    </message>
    <message>
        <source>Checking the account&apos;s blocked list on X…</source>
        <translation>Yn gwirio rhestr rwystro&apos;r cyfrif ar X…</translation>
    </message>
    <message>
        <source>Confirmed on X for {handles}.</source>
        <translation>Wedi&apos;i gadarnhau ar X ar gyfer {handles}.</translation>
    </message>
    <message>
        <source>X&apos;s blocked list still shows @{handle}. Finish on x.com, then check again.</source>
        <translation>Mae rhestr rwystro X yn dal i ddangos @{handle}. Gorffennwch ar x.com, yna gwiriwch eto.</translation>
    </message>
    <message>
        <source>X&apos;s blocked list does not show @{handle}. Finish on x.com, then check again.</source>
        <translation>Nid yw rhestr rwystro X yn dangos @{handle}. Gorffennwch ar x.com, yna gwiriwch eto.</translation>
    </message>
    <message>
        <source>X&apos;s blocked list is read: nothing new to confirm.</source>
        <translation>Mae rhestr rwystro X wedi&apos;i darllen: does dim byd newydd i&apos;w gadarnhau.</translation>
    </message>
    <message>
        <source>Waiting for X to confirm unblocking {handles}, approved with the head teacher&apos;s PIN. Finish it on x.com, then press “Check the blocked list now”.</source>
        <translation>Yn aros i X gadarnhau dadrwystro {handles}, a gymeradwywyd gyda PIN y pennaeth. Gorffennwch ar x.com, yna pwyswch “Gwirio&apos;r rhestr rwystro nawr”.</translation>
    </message>
    <message>
        <source>unblock @{handle}</source>
        <translation>dadrwystro @{handle}</translation>
    </message>
    <message>
        <source>{score} high</source>
        <translation>{score} uchel</translation>
    </message>
    <message>
        <source>{score} check</source>
        <translation>{score} gwirio</translation>
    </message>
    <message>
        <source>Block pending</source>
        <translation>Rhwystro heb ei gadarnhau</translation>
    </message>
    <message>
        <source>Nothing to do with the school</source>
        <translation>Dim byd i&apos;w wneud â&apos;r ysgol</translation>
    </message>
    <message>
        <source>How likely it is that this account has nothing to do with the school: {risk}</source>
        <translation>Pa mor debygol yw hi nad oes gan y cyfrif hwn ddim i&apos;w wneud â&apos;r ysgol: {risk}</translation>
    </message>
    <message>
        <source>Not unblocked: the head teacher&apos;s PIN was not given.</source>
        <translation>Heb ddadrwystro: ni roddwyd PIN y pennaeth.</translation>
    </message>
    <message>
        <source>Unblocking @{handle} is recorded. Finish it on x.com, then press “Check the blocked list now”.</source>
        <translation>Mae dadrwystro @{handle} wedi&apos;i gofnodi. Gorffennwch ar x.com, yna pwyswch “Gwirio&apos;r rhestr rwystro nawr”.</translation>
    </message>
    <message>
        <source>On the page that opens, press the Blocked button next to @{handle} and confirm Unblock. The app confirms it when the blocked list no longer shows them.</source>
        <translation>Ar y dudalen sy&apos;n agor, pwyswch y botwm “Blocked” wrth ymyl @{handle} a chadarnhewch “Unblock”. Mae&apos;r ap yn ei gadarnhau pan nad yw&apos;r rhestr rwystro yn eu dangos mwyach.</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>Connecting the school&apos;s X account: the guide</source>
        <translation>Cysylltu cyfrif X yr ysgol: y canllaw</translation>
    </message>
    <message>
        <source>The guide is missing from this installation. It is docs/CONNECT-X.md in the app&apos;s source.</source>
        <translation>Mae&apos;r canllaw ar goll o&apos;r gosodiad hwn. Mae yn docs/CONNECT-X.md yng nghod ffynhonnell yr ap.</translation>
    </message>
</context>
<context>
    <name>GuidedTour</name>
    <message>
        <source>Welcome to St Peter&apos;s Desk</source>
        <translation>Croeso i St Peter&apos;s Desk</translation>
    </message>
    <message>
        <source>This short tour shows each tab you can use and the first thing to do there: Next or the right arrow moves on, Esc skips it. The strip across the top says which account you are using: on the practice account nothing reaches X, so you can try everything safely.</source>
        <translation>Mae&apos;r daith fer hon yn dangos pob tab y gallwch ei ddefnyddio a&apos;r peth cyntaf i&apos;w wneud yno: mae Nesaf neu&apos;r saeth dde yn symud ymlaen, ac mae Esc yn ei hepgor. Mae&apos;r stribed ar draws y brig yn dangos pa gyfrif rydych chi&apos;n ei ddefnyddio: ar y cyfrif ymarfer nid oes dim yn cyrraedd X, felly gallwch roi cynnig ar bopeth yn ddiogel.</translation>
    </message>
    <message>
        <source>The app keeps the school&apos;s Twitter policy for you: every action is recorded with your name.</source>
        <translation>Mae&apos;r ap yn cadw at bolisi Twitter yr ysgol ar eich rhan: caiff pob gweithred ei chofnodi gyda&apos;ch enw.</translation>
    </message>
    <message>
        <source>You are ready to start</source>
        <translation>Rydych chi&apos;n barod i ddechrau</translation>
    </message>
    <message>
        <source>That is the whole tour. You can take it again at any time from Help &gt; Take the tour, and F1 explains the tab in front of you.</source>
        <translation>Dyna&apos;r daith gyfan. Gallwch ei dilyn eto unrhyw bryd o&apos;r ddewislen Cymorth &gt; Dilyn y daith, ac mae F1 yn esbonio&apos;r tab sydd o&apos;ch blaen.</translation>
    </message>
    <message>
        <source>The Policy tab has the school&apos;s own words whenever you are unsure.</source>
        <translation>Mae geiriau&apos;r ysgol ei hun ar y tab Polisi pryd bynnag y byddwch yn ansicr.</translation>
    </message>
    <message>
        <source>Press F1 on this tab to read what it is for.</source>
        <translation>Pwyswch F1 ar y tab hwn i ddarllen beth yw ei ddiben.</translation>
    </message>
    <message>
        <source>Compose: write a tweet</source>
        <translation>Ysgrifennu: ysgrifennu neges</translation>
    </message>
    <message>
        <source>Celebrate what a class achieved. Type in the big box; the counter shows how much of X&apos;s 280 characters you have used, and the tweet is saved as you type. Then press the button under the box: a check of names, photos and links comes before anything is posted.</source>
        <translation>Dathlwch yr hyn a gyflawnodd dosbarth. Teipiwch yn y blwch mawr; mae&apos;r rhifydd yn dangos faint o 280 nod X rydych chi wedi&apos;u defnyddio, ac mae&apos;r neges yn cael ei chadw wrth i chi deipio. Yna pwyswch y botwm o dan y blwch: caiff enwau, lluniau a dolenni eu gwirio cyn i unrhyw beth gael ei bostio.</translation>
    </message>
    <message>
        <source>School policy: a child&apos;s name is never shown, and the person tweeting makes sure no one&apos;s safety or wellbeing is put at risk.</source>
        <translation>Polisi&apos;r ysgol: ni chaiff enw plentyn byth ei ddangos, ac mae&apos;r sawl sy&apos;n postio&apos;r neges yn sicrhau nad yw diogelwch na lles unrhyw un yn cael ei beryglu.</translation>
    </message>
    <message>
        <source>Photos: get a photo ready</source>
        <translation>Lluniau: paratoi llun</translation>
    </message>
    <message>
        <source>Start with “Open photos…”. Check that every face that must not be seen is covered, press “Prepare photo”, write a short description and tick both confirmations. The photo then waits under “Ready to attach” for the Compose tab.</source>
        <translation>Dechreuwch gydag “Agor lluniau…”. Gwiriwch fod pob wyneb na chaniateir ei weld wedi&apos;i guddio, pwyswch “Paratoi&apos;r llun”, ysgrifennwch ddisgrifiad byr a thiciwch y ddau gadarnhad. Yna bydd y llun yn aros o dan “Yn barod i&apos;w atodi” ar gyfer y tab Ysgrifennu.</translation>
    </message>
    <message>
        <source>School policy: whoever uploads is responsible for what they share, and only children with photo consent may appear.</source>
        <translation>Polisi&apos;r ysgol: mae pwy bynnag sy&apos;n llwytho i fyny yn gyfrifol am yr hyn y mae&apos;n ei rannu, a dim ond plant sydd â chaniatâd lluniau a gaiff ymddangos.</translation>
    </message>
    <message>
        <source>Approvals: a second pair of eyes</source>
        <translation>Cymeradwyo: ail bâr o lygaid</translation>
    </message>
    <message>
        <source>Tweets sent for approval and tweets scheduled for later wait here. If you approve tweets, choose one and approve it or send it back with a note; otherwise this is where you can see where yours have got to.</source>
        <translation>Mae negeseuon a anfonwyd i&apos;w cymeradwyo a negeseuon wedi&apos;u hamserlennu ar gyfer yn nes ymlaen yn aros yma. Os ydych chi&apos;n cymeradwyo negeseuon, dewiswch un a&apos;i chymeradwyo neu ei hanfon yn ôl gyda nodyn; fel arall, dyma lle gallwch weld ble mae&apos;ch negeseuon chi wedi cyrraedd.</translation>
    </message>
    <message>
        <source>School policy: no tweet may harm the reputation of the school, its staff or anyone else.</source>
        <translation>Polisi&apos;r ysgol: ni chaiff unrhyw neges niweidio enw da&apos;r ysgol, ei staff nac unrhyw un arall.</translation>
    </message>
    <message>
        <source>Moderation: replies and mentions</source>
        <translation>Cymedroli: atebion a chrybwylliadau</translation>
    </message>
    <message>
        <source>Press “Refresh” to fetch new replies; each is checked on this computer and the ones that need you come first. Choose one, say why, then hide it, mute or block its author, or mark it reviewed.</source>
        <translation>Pwyswch “Adnewyddu” i nôl atebion newydd; caiff pob un ei wirio ar y cyfrifiadur hwn, a daw&apos;r rhai sydd angen eich sylw yn gyntaf. Dewiswch un a dywedwch pam, yna gallwch ei guddio, tewi neu rwystro ei awdur, neu ei nodi fel un wedi&apos;i adolygu.</translation>
    </message>
    <message>
        <source>School policy: offensive or undermining content is removed, and its authors are blocked and, if need be, reported.</source>
        <translation>Polisi&apos;r ysgol: caiff cynnwys sarhaus neu danseiliol ei dynnu, a chaiff ei awduron eu rhwystro ac, os oes angen, adroddir amdanynt.</translation>
    </message>
    <message>
        <source>Followers: who follows the school</source>
        <translation>Dilynwyr: pwy sy&apos;n dilyn yr ysgol</translation>
    </message>
    <message>
        <source>Press “Sync followers” to read the list. New followers come first, each with a risk score and the reasons for it: look at each one, then mark it “Reviewed: OK”, put it on the watchlist or block it.</source>
        <translation>Pwyswch “Cysoni dilynwyr” i ddarllen y rhestr. Daw dilynwyr newydd yn gyntaf, pob un â sgôr risg a&apos;r rhesymau am y sgôr: edrychwch ar bob un; gallwch wedyn ei farcio&apos;n “Adolygwyd: Iawn”, ei roi ar y rhestr wylio neu ei rwystro.</translation>
    </message>
    <message>
        <source>School policy: the head teacher and the e-safety leader watch the followers and block any that are not school-focused.</source>
        <translation>Polisi&apos;r ysgol: mae&apos;r pennaeth a&apos;r arweinydd e-ddiogelwch yn cadw llygad ar y dilynwyr ac yn rhwystro unrhyw rai nad ydynt yn canolbwyntio ar yr ysgol.</translation>
    </message>
    <message>
        <source>Staff: who may use the app</source>
        <translation>Staff: pwy gaiff ddefnyddio&apos;r ap</translation>
    </message>
    <message>
        <source>Start with “Add a member of staff…”: each person gets a role and a PIN of their own. The tab also shows what each role may do, and every change asks for the head teacher&apos;s PIN.</source>
        <translation>Dechreuwch gydag “Ychwanegu aelod o staff…”: mae pob person yn cael rôl a&apos;i PIN ei hun. Mae&apos;r tab hefyd yn dangos beth gaiff pob rôl ei wneud, ac mae pob newid yn gofyn am PIN y pennaeth.</translation>
    </message>
    <message>
        <source>School policy: only the head teacher, teachers and the school secretary tweet, and they alone look after the password.</source>
        <translation>Polisi&apos;r ysgol: dim ond y pennaeth, athrawon ac ysgrifennydd yr ysgol sy&apos;n postio negeseuon, a nhw yn unig sy&apos;n gofalu am y cyfrinair.</translation>
    </message>
    <message>
        <source>Audit: a record of every action</source>
        <translation>Archwilio: cofnod o bob gweithred</translation>
    </message>
    <message>
        <source>Who did what, when, on which computer and why. Before showing it to governors, press “Check the log is intact”; filter it, or open it in a spreadsheet with “Export CSV…”.</source>
        <translation>Pwy wnaeth beth, pryd, ar ba gyfrifiadur a pham. Cyn ei ddangos i&apos;r llywodraethwyr, pwyswch “Gwirio bod y log yn gyfan”; gallwch ei hidlo, neu ei agor mewn taenlen gydag “Allforio CSV…”.</translation>
    </message>
    <message>
        <source>School policy: the Teaching &amp; Learning committee reviews the policy every two years, and this is the record it needs.</source>
        <translation>Polisi&apos;r ysgol: mae&apos;r pwyllgor Addysgu &amp; Dysgu yn adolygu&apos;r polisi bob dwy flynedd, a dyma&apos;r cofnod sydd ei angen arno.</translation>
    </message>
    <message>
        <source>Settings: this computer and the account</source>
        <translation>Gosodiadau: y cyfrifiadur hwn a&apos;r cyfrif</translation>
    </message>
    <message>
        <source>Each term, start with “Import the roster from a CSV file…” so that children&apos;s names are caught, and register this computer for tweeting. Changes that weaken a safeguard ask for the head teacher&apos;s PIN.</source>
        <translation>Bob tymor, dechreuwch gyda “Mewnforio&apos;r rhestr ddisgyblion o ffeil CSV…” fel bod enwau plant yn cael eu dal, a chofrestrwch y cyfrifiadur hwn ar gyfer postio negeseuon. Mae newidiadau sy&apos;n gwanhau mesur diogelu yn gofyn am PIN y pennaeth.</translation>
    </message>
    <message>
        <source>School policy: tweets go only from school-registered devices, and the password changes only with the head teacher&apos;s permission.</source>
        <translation>Polisi&apos;r ysgol: dim ond o gyfrifiaduron sydd wedi&apos;u cofrestru gan yr ysgol y caiff negeseuon eu postio, a dim ond gyda chaniatâd y pennaeth y caiff y cyfrinair ei newid.</translation>
    </message>
    <message>
        <source>Policy: the school&apos;s own rules</source>
        <translation>Polisi: rheolau&apos;r ysgol ei hun</translation>
    </message>
    <message>
        <source>The school&apos;s Twitter policy, beside a summary of how the app keeps to it. If it is not shown yet, the head teacher loads it with “Load the school&apos;s policy file…”; read it once, as it is the reason behind every check in the app.</source>
        <translation>Polisi Twitter yr ysgol, ochr yn ochr â chrynodeb o sut mae&apos;r ap yn cadw ato. Os nad yw&apos;n cael ei ddangos eto, bydd y pennaeth yn ei lwytho gyda “Llwytho ffeil polisi&apos;r ysgol…”; darllenwch ef unwaith, gan mai hwn yw&apos;r rheswm y tu ôl i bob gwiriad yn yr ap.</translation>
    </message>
    <message>
        <source>School policy: all of it. When in doubt, the policy decides.</source>
        <translation>Polisi&apos;r ysgol: y cyfan. Os oes amheuaeth, y polisi sy&apos;n penderfynu.</translation>
    </message>
    <message>
        <source>Guided tour</source>
        <translation>Taith dywys</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Yn ôl</translation>
    </message>
    <message>
        <source>The previous step (Left arrow)</source>
        <translation>Y cam blaenorol (Saeth chwith)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Nesaf</translation>
    </message>
    <message>
        <source>The next step (Right arrow)</source>
        <translation>Y cam nesaf (Saeth dde)</translation>
    </message>
    <message>
        <source>Skip tour</source>
        <translation>Hepgor y daith</translation>
    </message>
    <message>
        <source>Close the tour and start working (Esc). Help &gt; Take the tour shows it again.</source>
        <translation>Cau&apos;r daith a dechrau gweithio (Esc). Mae Cymorth &gt; Dilyn y daith yn ei dangos eto.</translation>
    </message>
    <message>
        <source>Step {number} of {total}</source>
        <translation>Cam {number} o {total}</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Gorffen</translation>
    </message>
</context>
<context>
    <name>HandOffPanel</name>
    <message>
        <source>What to do on x.com</source>
        <translation>Beth i&apos;w wneud ar x.com</translation>
    </message>
    <message>
        <source>Open x.com again</source>
        <translation>Agor x.com eto</translation>
    </message>
    <message>
        <source>Opens the same page on x.com in your web browser, if you closed it</source>
        <translation>Yn agor yr un dudalen ar x.com yn eich porwr gwe, os gwnaethoch ei chau</translation>
    </message>
    <message>
        <source>Check the blocked list now</source>
        <translation>Gwirio&apos;r rhestr rwystro nawr</translation>
    </message>
    <message>
        <source>Read the account&apos;s blocked list on X to confirm</source>
        <translation>Darllen rhestr rwystro&apos;r cyfrif ar X i gadarnhau</translation>
    </message>
    <message>
        <source>I have blocked them on x.com (practice)</source>
        <translation>Rwyf wedi&apos;u rhwystro ar x.com (ymarfer)</translation>
    </message>
    <message>
        <source>The practice account cannot open x.com: this plays the part of your click there</source>
        <translation>Ni all y cyfrif ymarfer agor x.com: mae hyn yn cymryd lle eich clic yno</translation>
    </message>
    <message>
        <source>I have reported it: record the report</source>
        <translation>Rwyf wedi&apos;i adrodd: cofnodi&apos;r adroddiad</translation>
    </message>
    <message>
        <source>Press once you have sent the report on x.com: the app records what you reported and why</source>
        <translation>Pwyswch ar ôl i chi anfon yr adroddiad ar x.com: mae&apos;r ap yn cofnodi beth wnaethoch ei adrodd a pham</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cau</translation>
    </message>
    <message>
        <source>Hide these instructions; a pending block stays pending until X&apos;s blocked list shows it</source>
        <translation>Cuddio&apos;r cyfarwyddiadau hyn; mae rhwystr sydd ar y gweill yn aros ar y gweill nes bod rhestr rwystro X yn ei ddangos</translation>
    </message>
    <message>
        <source>Practice account: nothing opens on x.com. On the real account you would do this there: {instructions}</source>
        <translation>Cyfrif ymarfer: nid oes dim yn agor ar x.com. Ar y cyfrif go iawn, byddech yn gwneud hyn yno: {instructions}</translation>
    </message>
    <message>
        <source>I have unblocked them on x.com (practice)</source>
        <translation>Rwyf wedi&apos;u dadrwystro ar x.com (ymarfer)</translation>
    </message>
</context>
<context>
    <name>HeadPinDialog</name>
    <message>
        <source>Head-teacher PIN needed</source>
        <translation>Angen PIN y pennaeth</translation>
    </message>
    <message>
        <source>The head teacher&apos;s PIN is needed to {action}.</source>
        <translation>Mae angen PIN y pennaeth er mwyn {action}.</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Cadarnhau</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Yn gwirio…</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Write a tweet, see how much of X&apos;s 280-character allowance it uses (links always count as 23, emoji as 2), attach prepared photos and post it, or submit it for approval or schedule it. Every tweet is saved as you type and checked before it goes: children&apos;s names, photos, links, mentions, places and who can reply.</source>
        <translation>Ysgrifennwch neges a gweld faint o lwfans 280 nod X y mae&apos;n ei ddefnyddio (mae dolenni bob amser yn cyfrif fel 23, ac emoji fel 2), atodwch luniau sydd wedi&apos;u paratoi a&apos;i phostio, neu ei chyflwyno i&apos;w chymeradwyo neu ei hamserlennu. Mae pob neges yn cael ei chadw wrth i chi deipio ac yn cael ei gwirio cyn iddi fynd: enwau plant, lluniau, dolenni, crybwylliadau, lleoedd a phwy sy&apos;n gallu ateb.</translation>
    </message>
    <message>
        <source>Roles and responsibilities: a child&apos;s name is never shown, and the person tweeting makes sure a tweet puts no one&apos;s safety or wellbeing at risk.</source>
        <translation>Rolau a chyfrifoldebau: ni ddangosir enw plentyn byth, ac mae&apos;r sawl sy&apos;n postio yn sicrhau nad yw neges yn rhoi diogelwch na lles neb mewn perygl.</translation>
    </message>
    <message>
        <source>Open photos from the iPads or a camera, crop them for X, cover every face that should not be seen (covering cannot be undone in the exported photo), describe the photo for people who use screen readers and confirm that every face was checked and every child shown has photo consent. Exported photos carry no camera, date or location details.</source>
        <translation>Agorwch luniau o&apos;r iPads neu gamera, tociwch nhw ar gyfer X, cuddiwch bob wyneb na ddylai gael ei weld (nid oes modd dadwneud y cuddio yn y llun a allforiwyd), disgrifiwch y llun ar gyfer pobl sy&apos;n defnyddio darllenwyr sgrin, a chadarnhewch fod pob wyneb wedi&apos;i wirio a bod gan bob plentyn a ddangosir ganiatâd lluniau. Nid oes manylion camera, dyddiad na lleoliad yn y lluniau a allforir.</translation>
    </message>
    <message>
        <source>Roles and responsibilities: uploaders are responsible for what they share; the school&apos;s consent practice decides which children may appear.</source>
        <translation>Rolau a chyfrifoldebau: mae&apos;r rhai sy&apos;n llwytho i fyny yn gyfrifol am yr hyn maen nhw&apos;n ei rannu; arferion caniatâd yr ysgol sy&apos;n penderfynu pa blant sy&apos;n cael ymddangos.</translation>
    </message>
    <message>
        <source>Tweets from staff whose role does not post directly wait here for the head teacher or an approver, who can approve, edit then approve, or send them back with a note. Scheduled tweets wait here for their time; one that missed its time while the app was closed asks before going out late.</source>
        <translation>Mae negeseuon gan staff nad yw eu rôl yn postio&apos;n uniongyrchol yn aros yma am y pennaeth neu gymeradwywr, sy&apos;n gallu eu cymeradwyo, eu golygu ac yna eu cymeradwyo, neu eu hanfon yn ôl gyda nodyn. Mae negeseuon sydd wedi&apos;u hamserlennu yn aros yma nes daw eu hamser; os collodd un ei hamser tra oedd yr ap ar gau, bydd yn gofyn cyn mynd allan yn hwyr.</translation>
    </message>
    <message>
        <source>Code of conduct: tweets must not compromise personal or professional reputations, or the school&apos;s.</source>
        <translation>Cod ymddygiad: rhaid i negeseuon beidio â pheryglu enw da personol na phroffesiynol neb, nac enw da&apos;r ysgol.</translation>
    </message>
    <message>
        <source>Replies and mentions, each checked on this computer and marked &apos;hide suggested&apos;, &apos;needs review&apos; or &apos;ok&apos; with the reason. Hide, mute, block (on x.com, then confirmed), report, delete one of the school&apos;s own posts or mark reviewed; every action asks why and goes into the audit log. Serious cases get an incident pack.</source>
        <translation>Atebion a chrybwylliadau, pob un wedi&apos;i wirio ar y cyfrifiadur hwn a&apos;i farcio &apos;awgrymu cuddio&apos;, &apos;angen adolygu&apos; neu &apos;iawn&apos; gyda&apos;r rheswm. Gallwch guddio, tewi, rhwystro (ar x.com, yna cadarnhau), adrodd, dileu un o negeseuon yr ysgol ei hun neu farcio fel wedi&apos;i adolygu; mae pob gweithred yn gofyn pam ac yn mynd i&apos;r log archwilio. Mae achosion difrifol yn cael pecyn digwyddiad.</translation>
    </message>
    <message>
        <source>Inappropriate content: offensive or undermining remarks are removed and their authors blocked and possibly reported.</source>
        <translation>Cynnwys amhriodol: mae sylwadau sarhaus neu danseiliol yn cael eu tynnu, a&apos;u hawduron yn cael eu rhwystro ac o bosibl yn cael eu hadrodd.</translation>
    </message>
    <message>
        <source>Everyone following the school, with a &apos;not school-focused&apos; score and its reasons, new followers first. Mark them reviewed, trusted or on the watchlist, or block them; unblocking needs the head-teacher PIN.</source>
        <translation>Pawb sy&apos;n dilyn yr ysgol, gyda sgôr &apos;ddim yn canolbwyntio ar yr ysgol&apos; a&apos;r rhesymau drosto, y dilynwyr newydd yn gyntaf. Marciwch nhw fel wedi&apos;u hadolygu, yn ddibynadwy neu ar y rhestr wylio, neu rhwystrwch nhw; mae angen PIN y pennaeth i&apos;w dadrwystro.</translation>
    </message>
    <message>
        <source>Purpose: the head teacher and the e-safety leader monitor followers and block any that are not school-focused.</source>
        <translation>Diben: mae&apos;r pennaeth a&apos;r arweinydd e-ddiogelwch yn monitro dilynwyr ac yn rhwystro unrhyw rai nad ydynt yn canolbwyntio ar yr ysgol.</translation>
    </message>
    <message>
        <source>Who may use the app, their role and what each role may do. Every change asks for the head-teacher PIN at the moment it is made.</source>
        <translation>Pwy sy&apos;n cael defnyddio&apos;r ap, eu rôl a&apos;r hyn y mae pob rôl yn cael ei wneud. Mae pob newid yn gofyn am PIN y pennaeth ar yr adeg y caiff ei wneud.</translation>
    </message>
    <message>
        <source>Roles and responsibilities: the head teacher, teachers and the school secretary may tweet, and they alone look after the account&apos;s password.</source>
        <translation>Rolau a chyfrifoldebau: mae&apos;r pennaeth, athrawon ac ysgrifennydd yr ysgol yn cael postio negeseuon, a nhw yn unig sy&apos;n gofalu am gyfrinair y cyfrif.</translation>
    </message>
    <message>
        <source>Every action in the app: who did it, when, on which computer and why. &apos;Check the log is intact&apos; proves no entry was changed or removed; filter it or export it as CSV for governors.</source>
        <translation>Pob gweithred yn yr ap: pwy a&apos;i gwnaeth, pryd, ar ba gyfrifiadur a pham. Mae &apos;Gwirio bod y log yn gyfan&apos; yn profi na chafodd unrhyw gofnod ei newid na&apos;i dynnu; hidlwch ef neu allforiwch ef fel CSV ar gyfer llywodraethwyr.</translation>
    </message>
    <message>
        <source>Policy review: the record the Teaching &amp; Learning committee needs when it reviews the policy.</source>
        <translation>Adolygu&apos;r polisi: y cofnod sydd ei angen ar y pwyllgor Addysgu a Dysgu pan fydd yn adolygu&apos;r polisi.</translation>
    </message>
    <message>
        <source>The pupil roster for the name check, who can reply to tweets, registering this computer (and exceptions for trips and matches), the X account&apos;s keys and password, the staffroom kiosk and the policy review dates. Changes that weaken a safeguard ask for the head-teacher PIN.</source>
        <translation>Y rhestr ddisgyblion ar gyfer gwirio enwau, pwy sy&apos;n gallu ateb negeseuon, cofrestru&apos;r cyfrifiadur hwn (ac eithriadau ar gyfer tripiau a gemau), allweddi a chyfrinair cyfrif X, ciosg yr ystafell staff a dyddiadau adolygu&apos;r polisi. Mae newidiadau sy&apos;n gwanhau mesur diogelu yn gofyn am PIN y pennaeth.</translation>
    </message>
    <message>
        <source>Code of conduct: tweets only from registered devices, and passwords changed only with the head teacher&apos;s permission.</source>
        <translation>Cod ymddygiad: negeseuon o gyfrifiaduron cofrestredig yn unig, a chyfrineiriau&apos;n cael eu newid gyda chaniatâd y pennaeth yn unig.</translation>
    </message>
    <message>
        <source>The school&apos;s own Twitter policy, loaded from the school&apos;s file, beside a summary of how the app keeps to it.</source>
        <translation>Polisi Twitter yr ysgol ei hun, wedi&apos;i lwytho o ffeil yr ysgol, ochr yn ochr â chrynodeb o sut mae&apos;r ap yn cadw ato.</translation>
    </message>
    <message>
        <source>The whole policy.</source>
        <translation>Y polisi cyfan.</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ie</translation>
    </message>
    <message>
        <source>Anyone signed in</source>
        <translation>Unrhyw un sydd wedi mewngofnodi</translation>
    </message>
    <message>
        <source>The head teacher&apos;s PIN alone</source>
        <translation>PIN y pennaeth yn unig</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Gweithred</translation>
    </message>
    <message>
        <source>The role needs</source>
        <translation>Yr hyn sydd ei angen ar y rôl</translation>
    </message>
    <message>
        <source>Head-teacher PIN</source>
        <translation>PIN y pennaeth</translation>
    </message>
    <message>
        <source>Reason asked</source>
        <translation>Gofyn am reswm</translation>
    </message>
    <message>
        <source>What each action needs</source>
        <translation>Beth sydd ei angen ar gyfer pob gweithred</translation>
    </message>
    <message>
        <source>Checked on this computer, nothing sent anywhere: the words of every reply (the school&apos;s word lists and a trained model) and its pictures (a photo, or the still of a video or GIF), by a check for unsuitable images. A picture the check could not look at, because it is not installed on this computer or failed, is marked &apos;picture not checked on this computer&apos; and waits for a person. Pictures stay blurred until someone presses &apos;Show picture&apos;, which goes into the audit log. Not checked: the rest of a video, sarcasm and in-jokes, and copyright (a reply that reposts one of the school&apos;s photos, or a picture taken from elsewhere): a person decides, and the &apos;Copyright infringement&apos; reason records it.</source>
        <translation>Yn cael eu gwirio ar y cyfrifiadur hwn, heb anfon dim i unman: geiriau pob ateb (rhestrau geiriau&apos;r ysgol a model wedi&apos;i hyfforddi) a&apos;i luniau (llun, neu lun llonydd o fideo neu GIF), gan wiriad am luniau anaddas. Mae llun nad oedd y gwiriad yn gallu edrych arno, am nad yw wedi&apos;i osod ar y cyfrifiadur hwn neu am iddo fethu, yn cael ei farcio &apos;llun heb ei wirio ar y cyfrifiadur hwn&apos; ac yn aros am berson. Mae lluniau&apos;n aros yn aneglur nes bod rhywun yn pwyso &apos;Dangos y llun&apos;, sy&apos;n mynd i&apos;r log archwilio. Heb eu gwirio: gweddill fideo, coegni a jôcs mewnol, a hawlfraint (ateb sy&apos;n ailbostio un o luniau&apos;r ysgol, neu lun a gymerwyd o rywle arall): person sy&apos;n penderfynu, ac mae&apos;r rheswm &apos;Torri hawlfraint&apos; yn ei gofnodi.</translation>
    </message>
    <message>
        <source>No help has been written for this tab yet.</source>
        <translation>Nid oes cymorth wedi&apos;i ysgrifennu ar gyfer y tab hwn eto.</translation>
    </message>
    <message>
        <source>Which part of the school&apos;s policy it serves:</source>
        <translation>Pa ran o bolisi&apos;r ysgol y mae&apos;n ei gwasanaethu:</translation>
    </message>
    <message>
        <source>Shortcuts: Ctrl+1 to Ctrl+9 open the tabs; F1 shows this help.</source>
        <translation>Llwybrau byr: mae Ctrl+1 i Ctrl+9 yn agor y tabiau; mae F1 yn dangos y cymorth hwn.</translation>
    </message>
    <message>
        <source>Help: {tab}</source>
        <translation>Cymorth: {tab}</translation>
    </message>
    <message>
        <source>Help for the {tab} tab</source>
        <translation>Cymorth ar gyfer y tab {tab}</translation>
    </message>
</context>
<context>
    <name>Incident</name>
    <message>
        <source>The school&apos;s designated safeguarding lead</source>
        <translation>Arweinydd Diogelu Dynodedig yr ysgol</translation>
    </message>
    <message>
        <source>First, for anything that touches a child&apos;s safety or wellbeing, or a threat to a member of staff.</source>
        <translation>Yn gyntaf, ar gyfer unrhyw beth sy&apos;n ymwneud â diogelwch neu les plentyn, neu fygythiad i aelod o staff.</translation>
    </message>
    <message>
        <source>Tell them the same day and give them this pack; they decide whether the local authority or the police need to know.</source>
        <translation>Dywedwch wrthynt yr un diwrnod a rhowch y pecyn hwn iddynt; nhw sy&apos;n penderfynu a oes angen i&apos;r awdurdod lleol neu&apos;r heddlu wybod.</translation>
    </message>
    <message>
        <source>Professionals Online Safety Helpline (UK Safer Internet Centre)</source>
        <translation>Professionals Online Safety Helpline (UK Safer Internet Centre)</translation>
    </message>
    <message>
        <source>When staff need advice about something online that affects them or the children in their care: abuse or impersonation of staff, harmful posts about the school, or getting content taken down when X&apos;s own reporting has not worked.</source>
        <translation>Pan fydd angen cyngor ar staff am rywbeth ar-lein sy&apos;n effeithio arnyn nhw neu ar y plant yn eu gofal: cam-drin neu ddynwared staff, negeseuon niweidiol am yr ysgol, neu gael gwared ar gynnwys pan nad yw system adrodd X ei hun wedi gweithio.</translation>
    </message>
    <message>
        <source>A free helpline for the children&apos;s workforce. Email helpline@saferinternet.org.uk or phone 0344 381 4772 in office hours (check the website for current details).</source>
        <translation>Llinell gymorth am ddim i&apos;r rhai sy&apos;n gweithio gyda phlant. Anfonwch e-bost i helpline@saferinternet.org.uk neu ffoniwch 0344 381 4772 yn ystod oriau swyddfa (gwiriwch y wefan am y manylion diweddaraf).</translation>
    </message>
    <message>
        <source>Report Harmful Content</source>
        <translation>Riportio Cynnwys Niweidiol</translation>
    </message>
    <message>
        <source>When harmful but not illegal content (bullying, harassment, threats, impersonation, abuse) has been reported to X and X&apos;s answer did not deal with it.</source>
        <translation>Pan fydd cynnwys niweidiol ond nid anghyfreithlon (bwlio, aflonyddu, bygythiadau, dynwared, cam-drin) wedi cael ei adrodd i X, ac nad oedd ymateb X wedi delio ag ef.</translation>
    </message>
    <message>
        <source>A UK service that reviews the case, explains the platform&apos;s rules and can take it up with the platform. Report to X first and keep X&apos;s reply.</source>
        <translation>Gwasanaeth yn y DU sy&apos;n adolygu&apos;r achos, yn esbonio rheolau&apos;r platfform ac yn gallu codi&apos;r mater gyda&apos;r platfform. Adroddwch i X yn gyntaf a chadwch ymateb X.</translation>
    </message>
    <message>
        <source>The police</source>
        <translation>Yr heddlu</translation>
    </message>
    <message>
        <source>When someone may be in danger, or a reply contains a threat of violence, hate crime or anything that looks like a crime.</source>
        <translation>Pan allai rhywun fod mewn perygl, neu pan fydd ateb yn cynnwys bygythiad o drais, trosedd casineb neu unrhyw beth sy&apos;n edrych fel trosedd.</translation>
    </message>
    <message>
        <source>Phone 999 if there is an immediate risk; otherwise 101, and give them this pack. Hiding a reply keeps it on X, where the police can ask X for it.</source>
        <translation>Ffoniwch 999 os oes risg uniongyrchol; fel arall ffoniwch 101, a rhowch y pecyn hwn iddynt. Mae cuddio ateb yn ei gadw ar X, lle gall yr heddlu ofyn i X amdano.</translation>
    </message>
</context>
<context>
    <name>IncidentDialog</name>
    <message>
        <source>Incident pack: reply by @{handle}</source>
        <translation>Pecyn digwyddiad: ateb gan @{handle}</translation>
    </message>
    <message>
        <source>Evidence captured {time} by {name}. It will not change, even if the reply does.</source>
        <translation>Cipiwyd y dystiolaeth ar {time} gan {name}. Ni fydd yn newid, hyd yn oed os bydd yr ateb yn newid.</translation>
    </message>
    <message>
        <source>Picture of the reply as captured</source>
        <translation>Delwedd o&apos;r ateb fel y&apos;i cipiwyd</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Beth ddigwyddodd</translation>
    </message>
    <message>
        <source>In a few sentences: what the reply said or implied, who it was aimed at, and anything else you know (earlier replies, other sites).</source>
        <translation>Mewn ychydig frawddegau: beth ddywedodd neu awgrymodd yr ateb, at bwy yr oedd wedi&apos;i anelu, ac unrhyw beth arall rydych chi&apos;n ei wybod (atebion cynharach, gwefannau eraill).</translation>
    </message>
    <message>
        <source>Action taken</source>
        <translation>Camau a gymerwyd</translation>
    </message>
    <message>
        <source>What the school has done so far, e.g. hidden the reply, blocked the author, told the DSL</source>
        <translation>Beth mae&apos;r ysgol wedi&apos;i wneud hyd yma, e.e. cuddio&apos;r ateb, rhwystro&apos;r awdur, rhoi gwybod i&apos;r Arweinydd Diogelu Dynodedig (DSL)</translation>
    </message>
    <message>
        <source>Where to take it next</source>
        <translation>Ble i fynd â&apos;r mater nesaf</translation>
    </message>
    <message>
        <source>Open the reply on x.com to report it</source>
        <translation>Agor yr ateb ar x.com i adrodd amdano</translation>
    </message>
    <message>
        <source>Opens the reply in your web browser, where X&apos;s own Report menu is</source>
        <translation>Yn agor yr ateb yn eich porwr gwe, lle mae dewislen adrodd X ei hun</translation>
    </message>
    <message>
        <source>X&apos;s other report forms</source>
        <translation>Ffurflenni adrodd eraill X</translation>
    </message>
    <message>
        <source>X&apos;s help centre forms, e.g. for impersonation, private information or threats</source>
        <translation>Ffurflenni canolfan gymorth X, e.e. ar gyfer dynwared, gwybodaeth breifat neu fygythiadau</translation>
    </message>
    <message>
        <source>Save incident pack…</source>
        <translation>Cadw&apos;r pecyn digwyddiad…</translation>
    </message>
    <message>
        <source>Saves one web page with the picture, the form and the routes, and records it in the audit log</source>
        <translation>Yn cadw un dudalen we gyda&apos;r ddelwedd, y ffurflen a&apos;r llwybrau, ac yn cofnodi hynny yn y log archwilio</translation>
    </message>
    <message>
        <source>Say briefly what happened: governors will read this later.</source>
        <translation>Dywedwch yn fyr beth ddigwyddodd: bydd y llywodraethwyr yn darllen hwn yn nes ymlaen.</translation>
    </message>
    <message>
        <source>Say what has been done about it, even if that is “nothing yet”.</source>
        <translation>Dywedwch beth sydd wedi&apos;i wneud am y peth, hyd yn oed os “dim byd eto” yw hynny.</translation>
    </message>
</context>
<context>
    <name>Integrity</name>
    <message>
        <source>Nothing will be changed until this is sorted out. Keep the data folder as it is (copy it somewhere safe), then restore it from the last backup (installers/KIOSK.md, “Restoring”). If there is no backup, or this was expected (a restore), the head teacher can accept the database as it is with “stpeters-desk audit accept” and the recovery code; the audit log keeps a record of what was found.</source>
        <translation>Ni fydd dim yn cael ei newid nes i hyn gael ei ddatrys. Cadwch y ffolder data fel y mae (copïwch ef i rywle diogel), yna adferwch ef o&apos;r copi wrth gefn diwethaf (installers/KIOSK.md, “Restoring”). Os nad oes copi wrth gefn, neu os oedd hyn i&apos;w ddisgwyl (adfer), gall y pennaeth dderbyn y gronfa ddata fel y mae gyda “stpeters-desk audit accept” a&apos;r cod adfer; mae&apos;r log archwilio yn cadw cofnod o&apos;r hyn a gafwyd.</translation>
    </message>
    <message>
        <source>This computer has not joined the school on {server}: its keyring has none of the school&apos;s keys. On a computer already in the school the head teacher makes an enrolment code (Settings, “School computers”); then run “stpeters-desk computer join” with the server&apos;s address and the code.</source>
        <translation>Nid yw&apos;r cyfrifiadur hwn wedi ymuno â&apos;r ysgol ar {server}: nid oes dim o allweddi&apos;r ysgol yn ei storfa allweddi. Ar gyfrifiadur sydd eisoes yn yr ysgol mae&apos;r pennaeth yn gwneud cod ymrestru (Gosodiadau, “Cyfrifiaduron yr ysgol”); yna rhedwch “stpeters-desk computer join” gyda chyfeiriad y gweinydd a&apos;r cod.</translation>
    </message>
    <message>
        <source>The audit log has a new key since a computer was removed from the school, and this computer was not given it: it was removed too, or it joined before computers had keys of their own. Ask the head teacher for a new enrolment code and join again.</source>
        <translation>Mae gan y log archwilio allwedd newydd ers i gyfrifiadur gael ei dynnu o&apos;r ysgol, ac ni chafodd y cyfrifiadur hwn hi: cafodd ei dynnu hefyd, neu ymunodd cyn i gyfrifiaduron gael allweddi eu hunain. Gofynnwch i&apos;r pennaeth am god ymrestru newydd ac ymunwch eto.</translation>
    </message>
    <message>
        <source>The database cannot be read ({error}).</source>
        <translation>Nid oes modd darllen y gronfa ddata ({error}).</translation>
    </message>
    <message>
        <source>The database file is damaged ({details}).</source>
        <translation>Mae ffeil y gronfa ddata wedi&apos;i difrodi ({details}).</translation>
    </message>
    <message>
        <source>Parts of the database are missing ({tables}): it was edited outside the app.</source>
        <translation>Mae rhannau o&apos;r gronfa ddata ar goll ({tables}): cafodd ei golygu y tu allan i&apos;r ap.</translation>
    </message>
    <message>
        <source>This computer was set up before, but the database at {path} is empty: it is not a new install, so the set-up window will not let anyone become head teacher.</source>
        <translation>Cafodd y cyfrifiadur hwn ei osod o&apos;r blaen, ond mae&apos;r gronfa ddata yn {path} yn wag: nid gosodiad newydd yw hwn, felly ni fydd y ffenestr osod yn gadael i neb ddod yn bennaeth.</translation>
    </message>
    <message>
        <source>The database at {path} had a head teacher set up (its audit log or this computer&apos;s note says so), but it has no staff now: it was changed outside the app, so the set-up window will not let anyone become head teacher.</source>
        <translation>Roedd pennaeth wedi&apos;i osod yn y gronfa ddata yn {path} (mae ei log archwilio neu nodyn y cyfrifiadur hwn yn dweud hynny), ond does dim staff ynddi nawr: cafodd ei newid y tu allan i&apos;r ap, felly ni fydd y ffenestr gosod yn gadael i neb ddod yn bennaeth.</translation>
    </message>
    <message>
        <source>The audit log is keyed, but its key cannot be read from this computer&apos;s keyring.</source>
        <translation>Mae&apos;r log archwilio wedi&apos;i selio ag allwedd, ond nid oes modd darllen yr allwedd o storfa allweddi&apos;r cyfrifiadur hwn.</translation>
    </message>
    <message>
        <source>The head teacher accepted this problem with the recovery code: {problem}</source>
        <translation>Derbyniodd y pennaeth y broblem hon gyda&apos;r cod adfer: {problem}</translation>
    </message>
    <message>
        <source>The security state was changed outside the app while it was running: {parts}. Nothing more will be saved; close the app and run “stpeters-desk audit verify”.</source>
        <translation>Cafodd y gosodiadau diogelwch eu newid y tu allan i&apos;r ap tra oedd yn rhedeg: {parts}. Ni fydd dim mwy yn cael ei gadw; caewch yr ap a rhedeg “stpeters-desk audit verify”.</translation>
    </message>
    <message>
        <source>That recovery code is not right (or none was ever issued).</source>
        <translation>Nid yw&apos;r cod adfer hwnnw&apos;n gywir (neu ni roddwyd un erioed).</translation>
    </message>
</context>
<context>
    <name>JoinSchoolDialog</name>
    <message>
        <source>Join the school</source>
        <translation>Ymuno â&apos;r ysgol</translation>
    </message>
    <message>
        <source>This computer has not joined the school on {server} yet. On a computer already in the school, the head teacher makes an enrolment code (Settings → School computers). Type it here: it works once, for 10 minutes.</source>
        <translation>Nid yw&apos;r cyfrifiadur hwn wedi ymuno â&apos;r ysgol ar {server} eto. Ar gyfrifiadur sydd eisoes yn yr ysgol, mae&apos;r pennaeth yn gwneud cod ymrestru (Gosodiadau → Cyfrifiaduron yr ysgol). Teipiwch ef yma: mae&apos;n gweithio unwaith, am 10 munud.</translation>
    </message>
    <message>
        <source>Enrolment code</source>
        <translation>Cod ymrestru</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Ymuno</translation>
    </message>
    <message>
        <source>Joining…</source>
        <translation>Yn ymuno…</translation>
    </message>
</context>
<context>
    <name>Keystore</name>
    <message>
        <source>This computer has no secure password store the app can use, so the real X account cannot be connected. On Linux install gnome-keyring (or KWallet) and sign in again; the app stays on the practice (sandbox) account until then.</source>
        <translation>Nid oes gan y cyfrifiadur hwn storfa gyfrineiriau ddiogel y gall yr ap ei defnyddio, felly nid oes modd cysylltu&apos;r cyfrif X go iawn. Ar Linux, gosodwch gnome-keyring (neu KWallet) a mewngofnodwch eto; bydd yr ap yn aros ar y cyfrif ymarfer tan hynny.</translation>
    </message>
    <message>
        <source>This computer&apos;s password store is locked, so the real X account and the pupil roster cannot be used. Sign out and in again (or unlock the keyring when asked); the app stays on the practice (sandbox) account until then.</source>
        <translation>Mae storfa gyfrineiriau&apos;r cyfrifiadur hwn wedi&apos;i chloi, felly nid oes modd defnyddio&apos;r cyfrif X go iawn na&apos;r rhestr ddisgyblion. Allgofnodwch a mewngofnodwch eto (neu datglowch y storfa allweddi pan ofynnir i chi); bydd yr ap yn aros ar y cyfrif ymarfer tan hynny.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>⚠ The school&apos;s database server cannot be reached: nothing is posted, approved or recorded until it is back. Your typing is kept on this computer.</source>
        <translation>⚠ Does dim modd cyrraedd gweinydd cronfa ddata&apos;r ysgol: does dim yn cael ei bostio, ei gymeradwyo na&apos;i gofnodi nes bydd yn ôl. Mae&apos;r hyn rydych chi&apos;n ei deipio yn cael ei gadw ar y cyfrifiadur hwn.</translation>
    </message>
    <message>
        <source>Signed in: {name}</source>
        <translation>Wedi mewngofnodi: {name}</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Cloi</translation>
    </message>
    <message>
        <source>Go back to the sign-in screen; drafts are kept</source>
        <translation>Mynd yn ôl i&apos;r sgrin mewngofnodi; caiff drafftiau eu cadw</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Cymorth</translation>
    </message>
    <message>
        <source>&amp;Help for this tab</source>
        <translation>&amp;Cymorth ar gyfer y tab hwn</translation>
    </message>
    <message>
        <source>Take the &amp;tour</source>
        <translation>&amp;Dilyn y daith</translation>
    </message>
    <message>
        <source>&amp;About St Peter&apos;s Desk</source>
        <translation>&amp;Ynghylch St Peter&apos;s Desk</translation>
    </message>
    <message>
        <source>Scheduled tweets could not be checked: {error}</source>
        <translation>Doedd dim modd gwirio&apos;r negeseuon sydd wedi&apos;u hamserlennu: {error}</translation>
    </message>
    <message>
        <source>{count} scheduled tweet(s) are on their way.</source>
        <translation>Negeseuon wedi&apos;u hamserlennu sydd ar eu ffordd: {count}.</translation>
    </message>
    <message>
        <source>{tab} (Ctrl+{number})</source>
        <translation>{tab} (Ctrl+{number})</translation>
    </message>
    <message>
        <source>Record the new adoption date</source>
        <translation>Cofnodi&apos;r dyddiad mabwysiadu newydd</translation>
    </message>
    <message>
        <source>Open the setting</source>
        <translation>Agor y gosodiad</translation>
    </message>
    <message>
        <source>close the kiosk</source>
        <translation>cau&apos;r ciosg</translation>
    </message>
    <message>
        <source>The draft could not be saved, so the window stays open.</source>
        <translation>Nid oedd modd cadw&apos;r drafft, felly mae&apos;r ffenestr yn aros ar agor.</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Something went wrong: {error}. Nothing has been lost; try again.</source>
        <translation>Aeth rhywbeth o&apos;i le: {error}. Does dim byd wedi&apos;i golli; rhowch gynnig arall arni.</translation>
    </message>
</context>
<context>
    <name>Moderation</name>
    <message>
        <source>{file}, line {number}</source>
        <translation>{file}, llinell {number}</translation>
    </message>
    <message>
        <source>{file}, line {number}: {line} comes before any [section: kind] heading.</source>
        <translation>{file}, llinell {number}: mae {line} yn dod cyn unrhyw bennawd [adran: math].</translation>
    </message>
    <message>
        <source>{where}: a heading looks like [rule name: kind], not {line}.</source>
        <translation>{where}: mae pennawd yn edrych fel [enw&apos;r rheol: math], nid {line}.</translation>
    </message>
    <message>
        <source>{where}: the kind {kind} is not one of {kinds}.</source>
        <translation>{where}: nid yw&apos;r math {kind} yn un o {kinds}.</translation>
    </message>
    <message>
        <source>The word list {file} cannot be read: {error}</source>
        <translation>Does dim modd darllen y rhestr eiriau {file}: {error}</translation>
    </message>
    <message>
        <source>{entry} has no letters or numbers to match.</source>
        <translation>Does dim llythrennau na rhifau yn {entry} i&apos;w paru.</translation>
    </message>
    <message>
        <source>{written} is used but no [{group}: group] section exists.</source>
        <translation>Mae {written} yn cael ei ddefnyddio, ond does dim adran [{group}: group] yn bod.</translation>
    </message>
    <message>
        <source>the group {written} contains itself.</source>
        <translation>mae&apos;r grŵp {written} yn ei gynnwys ei hun.</translation>
    </message>
    <message>
        <source>{file}, [{section}]: {error}</source>
        <translation>{file}, [{section}]: {error}</translation>
    </message>
    <message>
        <source>{entry} would match every reply; add a word to it.</source>
        <translation>Byddai {entry} yn cyfateb i bob ateb; ychwanegwch air ato.</translation>
    </message>
    <message>
        <source>hidden word (letters replaced by symbols)</source>
        <translation>gair cudd (llythrennau wedi&apos;u newid am symbolau)</translation>
    </message>
    <message>
        <source>personal details in public</source>
        <translation>manylion personol yn gyhoeddus</translation>
    </message>
    <message>
        <source>a link</source>
        <translation>dolen</translation>
    </message>
    <message>
        <source>a phone number or email address</source>
        <translation>rhif ffôn neu gyfeiriad e-bost</translation>
    </message>
    <message>
        <source>reads as hostile or insulting</source>
        <translation>yn darllen yn elyniaethus neu&apos;n sarhaus</translation>
    </message>
    <message>
        <source>image may be unsuitable</source>
        <translation>gall y llun fod yn anaddas</translation>
    </message>
    <message>
        <source>picture not checked on this computer</source>
        <translation>llun heb ei wirio ar y cyfrifiadur hwn</translation>
    </message>
    <message>
        <source>Picture not checked on this computer: look at it before deciding</source>
        <translation>Llun heb ei wirio ar y cyfrifiadur hwn: edrychwch arno cyn penderfynu</translation>
    </message>
    <message>
        <source>&quot;{found}&quot; (read as &quot;{reads_as}&quot;)</source>
        <translation>&quot;{found}&quot; (darllenwyd fel &quot;{reads_as}&quot;)</translation>
    </message>
    <message>
        <source>Image may be unsuitable (detector score {score}); it stays blurred until someone chooses to see it</source>
        <translation>Gall y llun fod yn anaddas (sgôr y synhwyrydd {score}); mae&apos;n aros yn aneglur nes bod rhywun yn dewis ei weld</translation>
    </message>
    <message>
        <source>Reads as hostile or insulting (model score {score})</source>
        <translation>Yn darllen yn elyniaethus neu&apos;n sarhaus (sgôr y model {score})</translation>
    </message>
    <message>
        <source>; the words that weighed most: {words}</source>
        <translation>; y geiriau a bwysodd fwyaf: {words}</translation>
    </message>
    <message>
        <source>Only weak signs, not enough to ask for a review: {signs}</source>
        <translation>Dim ond arwyddion gwan, dim digon i ofyn am adolygiad: {signs}</translation>
    </message>
    <message>
        <source>Names a child ({names}). The school&apos;s own posts never name children; a parent may, but check the reply does not sit under a photo of the child.</source>
        <translation>Yn enwi plentyn ({names}). Nid yw negeseuon yr ysgol ei hun byth yn enwi plant; gall rhiant wneud hynny, ond gwiriwch nad yw&apos;r ateb o dan lun o&apos;r plentyn.</translation>
    </message>
    <message>
        <source>That picture is not kept on this computer any more.</source>
        <translation>Nid yw&apos;r llun hwnnw&apos;n cael ei gadw ar y cyfrifiadur hwn mwyach.</translation>
    </message>
    <message>
        <source>That picture could not be downloaded: look at the reply on X.</source>
        <translation>Doedd dim modd llwytho&apos;r llun hwnnw i lawr: edrychwch ar yr ateb ar X.</translation>
    </message>
    <message>
        <source>The reply {post} is not in the moderation inbox.</source>
        <translation>Nid yw&apos;r ateb {post} yn y mewnflwch cymedroli.</translation>
    </message>
    <message>
        <source>That is someone else&apos;s reply: X lets the school hide it, not delete it.</source>
        <translation>Ateb rhywun arall yw hwnnw: mae X yn gadael i&apos;r ysgol ei guddio, nid ei ddileu.</translation>
    </message>
    <message>
        <source>The account {account} is not among the stored followers.</source>
        <translation>Nid yw&apos;r cyfrif {account} ymhlith y dilynwyr sydd wedi&apos;u cadw.</translation>
    </message>
</context>
<context>
    <name>ModerationTab</name>
    <message>
        <source>Needs you</source>
        <translation>Angen eich sylw</translation>
    </message>
    <message>
        <source>All replies and mentions</source>
        <translation>Pob ateb a chrybwylliad</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Newydd</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Wedi&apos;i adolygu</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>Wedi&apos;i guddio</translation>
    </message>
    <message>
        <source>Author muted</source>
        <translation>Awdur wedi&apos;i dewi</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Wedi&apos;i rwystro</translation>
    </message>
    <message>
        <source>Reported to X</source>
        <translation>Wedi&apos;i adrodd i X</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statws</translation>
    </message>
    <message>
        <source>From</source>
        <translation>O</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Ateb</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Pryd</translation>
    </message>
    <message>
        <source>Offensive language</source>
        <translation>Iaith sarhaus</translation>
    </message>
    <message>
        <source>Undermines the school or its staff</source>
        <translation>Tanseilio&apos;r ysgol neu ei staff</translation>
    </message>
    <message>
        <source>Threat or intimidation</source>
        <translation>Bygythiad neu frawychu</translation>
    </message>
    <message>
        <source>Unsuitable image or content</source>
        <translation>Delwedd neu gynnwys anaddas</translation>
    </message>
    <message>
        <source>Spam or advertising</source>
        <translation>Sbam neu hysbysebu</translation>
    </message>
    <message>
        <source>Copyright infringement</source>
        <translation>Torri hawlfraint</translation>
    </message>
    <message>
        <source>Names or identifies a child</source>
        <translation>Enwi neu adnabod plentyn</translation>
    </message>
    <message>
        <source>Fair comment: no action needed</source>
        <translation>Sylw teg: dim angen gweithredu</translation>
    </message>
    <message>
        <source>{message} {next_step}</source>
        <translation>{message} {next_step}</translation>
    </message>
    <message>
        <source>Try again after that; nothing already read is lost.</source>
        <translation>Rhowch gynnig arall ar ôl hynny; ni chollir dim sydd eisoes wedi&apos;i ddarllen.</translation>
    </message>
    <message>
        <source>Check the internet connection, then try again; nothing already read is lost.</source>
        <translation>Gwiriwch y cysylltiad â&apos;r rhyngrwyd, yna rhowch gynnig arall; ni chollir dim sydd eisoes wedi&apos;i ddarllen.</translation>
    </message>
    <message>
        <source>Ask the head teacher to reconnect the X account in Settings, then try again.</source>
        <translation>Gofynnwch i&apos;r pennaeth ailgysylltu&apos;r cyfrif X yn y Gosodiadau, yna rhowch gynnig arall.</translation>
    </message>
    <message>
        <source>Ask the head teacher to top up the X developer account, then try again.</source>
        <translation>Gofynnwch i&apos;r pennaeth ychwanegu credyd at gyfrif datblygwr X, yna rhowch gynnig arall.</translation>
    </message>
    <message>
        <source>Why (saved in the audit log)</source>
        <translation>Pam (caiff ei gadw yn y log archwilio)</translation>
    </message>
    <message>
        <source>Choose a common reason or type your own. It is saved in the audit log with your name, for the head teacher and governors.</source>
        <translation>Dewiswch reswm cyffredin neu teipiwch eich rheswm eich hun. Caiff ei gadw yn y log archwilio gyda&apos;ch enw, i&apos;r pennaeth a&apos;r llywodraethwyr.</translation>
    </message>
    <message>
        <source>Why? Choose or type a reason</source>
        <translation>Pam? Dewiswch neu teipiwch reswm</translation>
    </message>
    <message>
        <source>Maybe: worth a look</source>
        <translation>Efallai: gwerth edrych arno</translation>
    </message>
    <message>
        <source>Hide suggested</source>
        <translation>Awgrymu cuddio</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>Angen adolygu</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Iawn</translation>
    </message>
    <message>
        <source>Block pending</source>
        <translation>Rhwystro heb ei gadarnhau</translation>
    </message>
    <message>
        <source>Safeguarding: {suggestion}</source>
        <translation>Diogelu: {suggestion}</translation>
    </message>
    <message>
        <source>The reply has been hidden on X.</source>
        <translation>Mae&apos;r ateb wedi&apos;i guddio ar X.</translation>
    </message>
    <message>
        <source>Its author has been muted.</source>
        <translation>Mae awdur yr ateb wedi&apos;i dewi.</translation>
    </message>
    <message>
        <source>Blocking its author has been started on x.com.</source>
        <translation>Mae rhwystro awdur yr ateb wedi dechrau ar x.com.</translation>
    </message>
    <message>
        <source>Its author has been blocked.</source>
        <translation>Mae awdur yr ateb wedi&apos;i rwystro.</translation>
    </message>
    <message>
        <source>The reply has been reported to X.</source>
        <translation>Mae&apos;r ateb wedi&apos;i adrodd i X.</translation>
    </message>
    <message>
        <source>The reply has been looked at.</source>
        <translation>Mae rhywun wedi edrych ar yr ateb.</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Adnewyddu</translation>
    </message>
    <message>
        <source>Fetch new replies and mentions and check them here, on this computer (F5)</source>
        <translation>Nôl atebion a chrybwylliadau newydd a&apos;u gwirio yma, ar y cyfrifiadur hwn (F5)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Canslo</translation>
    </message>
    <message>
        <source>Stop after the current page; the replies already fetched are kept</source>
        <translation>Stopio ar ôl y dudalen bresennol; caiff yr atebion sydd eisoes wedi&apos;u nôl eu cadw</translation>
    </message>
    <message>
        <source>Which replies to show</source>
        <translation>Pa atebion i&apos;w dangos</translation>
    </message>
    <message>
        <source>Needs you: only replies waiting for a decision. All replies and mentions: those already dealt with too</source>
        <translation>Angen eich sylw: dim ond atebion sy&apos;n aros am benderfyniad. Pob ateb a chrybwylliad: y rhai sydd eisoes wedi&apos;u trin hefyd</translation>
    </message>
    <message>
        <source>Fetching replies</source>
        <translation>Yn nôl atebion</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Dangos</translation>
    </message>
    <message>
        <source>Show or hide the governors&apos; report: choose the dates, then make it</source>
        <translation>Dangos neu guddio adroddiad y llywodraethwyr: dewiswch y dyddiadau, yna ei greu</translation>
    </message>
    <message>
        <source>Replies and mentions</source>
        <translation>Atebion a chrybwylliadau</translation>
    </message>
    <message>
        <source>Needs you first</source>
        <translation>Angen eich sylw yn gyntaf</translation>
    </message>
    <message>
        <source>J: next reply, K: previous reply (while this list has focus)</source>
        <translation>J: yr ateb nesaf, K: yr ateb blaenorol (tra bo&apos;r ffocws ar y rhestr hon)</translation>
    </message>
    <message>
        <source>The chosen reply in full</source>
        <translation>Yr ateb a ddewiswyd, yn llawn</translation>
    </message>
    <message>
        <source>The reply</source>
        <translation>Yr ateb</translation>
    </message>
    <message>
        <source>Why are you doing this?</source>
        <translation>Pam rydych chi&apos;n gwneud hyn?</translation>
    </message>
    <message>
        <source>Hide reply</source>
        <translation>Cuddio&apos;r ateb</translation>
    </message>
    <message>
        <source>Hides this reply under the school&apos;s post for everyone (X keeps it behind a link); you can unhide it later</source>
        <translation>Cuddio&apos;r ateb hwn o dan neges yr ysgol i bawb (mae X yn ei gadw y tu ôl i ddolen); gallwch ei ddad-guddio yn nes ymlaen</translation>
    </message>
    <message>
        <source>Unhide</source>
        <translation>Dad-guddio</translation>
    </message>
    <message>
        <source>Show the hidden reply again</source>
        <translation>Dangos yr ateb cudd eto</translation>
    </message>
    <message>
        <source>Mute author</source>
        <translation>Tewi&apos;r awdur</translation>
    </message>
    <message>
        <source>Stop seeing this account&apos;s posts and notifications; they are not told</source>
        <translation>Peidio â gweld negeseuon a hysbysiadau&apos;r cyfrif hwn; ni fydd y cyfrif yn cael gwybod</translation>
    </message>
    <message>
        <source>Mark reviewed</source>
        <translation>Marcio fel wedi&apos;i adolygu</translation>
    </message>
    <message>
        <source>Looked at: no action needed</source>
        <translation>Wedi edrych arno: dim angen gweithredu</translation>
    </message>
    <message>
        <source>Block author…</source>
        <translation>Rhwystro&apos;r awdur…</translation>
    </message>
    <message>
        <source>Opens the author&apos;s page on x.com to block them there</source>
        <translation>Agor tudalen yr awdur ar x.com i&apos;w rwystro yno</translation>
    </message>
    <message>
        <source>Report to X…</source>
        <translation>Adrodd i X…</translation>
    </message>
    <message>
        <source>Opens the reply on x.com to report it there</source>
        <translation>Agor yr ateb ar x.com i&apos;w adrodd yno</translation>
    </message>
    <message>
        <source>Delete our post…</source>
        <translation>Dileu ein neges…</translation>
    </message>
    <message>
        <source>Delete the school&apos;s own post that this replied to (asks first)</source>
        <translation>Dileu neges yr ysgol ei hun y mae&apos;r ateb hwn yn ymateb iddi (gofynnir i chi yn gyntaf)</translation>
    </message>
    <message>
        <source>Incident pack…</source>
        <translation>Pecyn digwyddiad…</translation>
    </message>
    <message>
        <source>Capture the evidence now and write it up for the head teacher and governors</source>
        <translation>Cofnodi&apos;r dystiolaeth nawr a&apos;i hysgrifennu ar gyfer y pennaeth a&apos;r llywodraethwyr</translation>
    </message>
    <message>
        <source>Report for governors</source>
        <translation>Adroddiad i&apos;r llywodraethwyr</translation>
    </message>
    <message>
        <source>Suggestion and why</source>
        <translation>Awgrym a pham</translation>
    </message>
    <message>
        <source>Report from</source>
        <translation>Dyddiad cychwyn yr adroddiad</translation>
    </message>
    <message>
        <source>The first day the report covers (from 1 September to begin with: the school year)</source>
        <translation>Y diwrnod cyntaf y mae&apos;r adroddiad yn ei gwmpasu (o 1 Medi i ddechrau: y flwyddyn ysgol)</translation>
    </message>
    <message>
        <source>Report to</source>
        <translation>Dyddiad gorffen yr adroddiad</translation>
    </message>
    <message>
        <source>The last day the report covers</source>
        <translation>Y diwrnod olaf y mae&apos;r adroddiad yn ei gwmpasu</translation>
    </message>
    <message>
        <source>Make report…</source>
        <translation>Creu adroddiad…</translation>
    </message>
    <message>
        <source>Posts, moderation decisions, blocks, incidents and follower changes for the period, as a web page, a PDF and a spreadsheet (CSV)</source>
        <translation>Negeseuon, penderfyniadau cymedroli, rhwystro, digwyddiadau a newidiadau i&apos;r dilynwyr yn ystod y cyfnod, fel tudalen we, PDF a thaenlen (CSV)</translation>
    </message>
    <message>
        <source>to</source>
        <translation>i</translation>
    </message>
    <message>
        <source>Making the governors&apos; report</source>
        <translation>Yn creu adroddiad y llywodraethwyr</translation>
    </message>
    <message>
        <source>Needing you: {needs} · In all: {total}</source>
        <translation>Angen eich sylw: {needs} · Cyfanswm: {total}</translation>
    </message>
    <message>
        <source>Maybe: {count}</source>
        <translation>Efallai: {count}</translation>
    </message>
    <message>
        <source>Looking fine, not shown: {count}</source>
        <translation>Yn edrych yn iawn, heb eu dangos: {count}</translation>
    </message>
    <message>
        <source>Nothing fetched yet</source>
        <translation>Dim wedi&apos;i nôl eto</translation>
    </message>
    <message>
        <source>No replies need you today.
Press Refresh to fetch new replies and mentions; replies already dealt with are under “All replies and mentions”.</source>
        <translation>Does dim atebion angen eich sylw heddiw.
Pwyswch Adnewyddu i nôl atebion a chrybwylliadau newydd; mae&apos;r atebion sydd eisoes wedi&apos;u trin o dan “Pob ateb a chrybwylliad”.</translation>
    </message>
    <message>
        <source>Nothing fetched yet.
Press Refresh (F5) to fetch the account&apos;s replies and mentions from X.</source>
        <translation>Dim wedi&apos;i nôl eto.
Pwyswch Adnewyddu (F5) i nôl atebion a chrybwylliadau&apos;r cyfrif o X.</translation>
    </message>
    <message>
        <source>Choose a reply in the list to see it in full.</source>
        <translation>Dewiswch ateb yn y rhestr i&apos;w weld yn llawn.</translation>
    </message>
    <message>
        <source>Suggestion: {level} (score {score})</source>
        <translation>Awgrym: {level} (sgôr {score})</translation>
    </message>
    <message>
        <source>Status: {status}</source>
        <translation>Statws: {status}</translation>
    </message>
    <message>
        <source>Decided by {name}: {note}</source>
        <translation>Penderfynwyd gan {name}: {note}</translation>
    </message>
    <message>
        <source>Decided by {name}</source>
        <translation>Penderfynwyd gan {name}</translation>
    </message>
    <message>
        <source>Picture shown; that you looked is in the audit log.</source>
        <translation>Dangoswyd y llun; mae&apos;r ffaith i chi edrych arno yn y log archwilio.</translation>
    </message>
    <message>
        <source>Fetching new replies and mentions…</source>
        <translation>Yn nôl atebion a chrybwylliadau newydd…</translation>
    </message>
    <message>
        <source>Stopping after the current page…</source>
        <translation>Yn stopio ar ôl y dudalen bresennol…</translation>
    </message>
    <message>
        <source>Checked {done} of {total}</source>
        <translation>Wedi gwirio {done} o {total}</translation>
    </message>
    <message>
        <source>Replies and mentions fetched: {fetched}, new: {new}. Needing you: {needs}.</source>
        <translation>Atebion a chrybwylliadau wedi&apos;u nôl: {fetched}, rhai newydd: {new}. Angen eich sylw: {needs}.</translation>
    </message>
    <message>
        <source>No new replies. Needing you: {needs}.</source>
        <translation>Dim atebion newydd. Angen eich sylw: {needs}.</translation>
    </message>
    <message>
        <source>Block confirmed on X for {handles}.</source>
        <translation>Mae X wedi cadarnhau&apos;r rhwystro ar gyfer {handles}.</translation>
    </message>
    <message>
        <source>Stopped: pending blocks were not checked this time; press Refresh to check them.</source>
        <translation>Wedi stopio: ni chafodd y rhwystriadau sy&apos;n aros am gadarnhad eu gwirio y tro hwn; pwyswch Adnewyddu i&apos;w gwirio.</translation>
    </message>
    <message>
        <source>So many replies arrived since the last check that X did not give the oldest of them: look through the replies on X itself for anything older than the oldest here.</source>
        <translation>Mae cymaint o atebion wedi cyrraedd ers y gwiriad diwethaf fel na roddodd X y rhai hynaf ohonyn nhw: edrychwch drwy&apos;r atebion ar X ei hun am unrhyw beth sy&apos;n hŷn na&apos;r un hynaf yma.</translation>
    </message>
    <message>
        <source>Say why first: choose or type a reason above the buttons. It goes in the audit log with your name.</source>
        <translation>Dywedwch pam yn gyntaf: dewiswch neu teipiwch reswm uwchben y botymau. Mae&apos;n mynd i&apos;r log archwilio gyda&apos;ch enw.</translation>
    </message>
    <message>
        <source>Choose a reply in the list first.</source>
        <translation>Dewiswch ateb yn y rhestr yn gyntaf.</translation>
    </message>
    <message>
        <source>Reply hidden. Anyone can still open it from the hidden replies link.</source>
        <translation>Ateb wedi&apos;i guddio. Gall unrhyw un ei agor o hyd drwy&apos;r ddolen i&apos;r atebion cudd.</translation>
    </message>
    <message>
        <source>Reply shown again.</source>
        <translation>Mae&apos;r ateb yn cael ei ddangos eto.</translation>
    </message>
    <message>
        <source>Author muted: their posts no longer reach the account&apos;s notifications.</source>
        <translation>Awdur wedi&apos;i dewi: ni fydd negeseuon yr awdur yn cyrraedd hysbysiadau&apos;r cyfrif mwyach.</translation>
    </message>
    <message>
        <source>Marked as reviewed.</source>
        <translation>Wedi&apos;i farcio fel wedi&apos;i adolygu.</translation>
    </message>
    <message>
        <source>Delete the school&apos;s post?</source>
        <translation>Dileu neges yr ysgol?</translation>
    </message>
    <message>
        <source>This deletes the school&apos;s own post that this reply answered, with its likes. Replies to it stay on X. It cannot be undone.</source>
        <translation>Bydd hyn yn dileu neges yr ysgol ei hun yr oedd yr ateb hwn yn ymateb iddi, gyda&apos;i hoffiadau. Bydd yr atebion iddi yn aros ar X. Does dim modd dadwneud hyn.</translation>
    </message>
    <message>
        <source>The school&apos;s post was deleted.</source>
        <translation>Mae neges yr ysgol wedi&apos;i dileu.</translation>
    </message>
    <message>
        <source>Block on @{handle} is pending until X&apos;s blocked list shows it.</source>
        <translation>Mae rhwystro @{handle} yn aros am gadarnhad nes bydd y cyfrif i&apos;w weld ar restr X o gyfrifon sydd wedi&apos;u rhwystro.</translation>
    </message>
    <message>
        <source>Checking the account&apos;s blocked list on X…</source>
        <translation>Yn gwirio rhestr y cyfrif o gyfrifon sydd wedi&apos;u rhwystro ar X…</translation>
    </message>
    <message>
        <source>X&apos;s blocked list does not show @{handle} yet. Block them on x.com, then check again.</source>
        <translation>Nid yw @{handle} ar restr X o gyfrifon sydd wedi&apos;u rhwystro eto. Rhwystrwch y cyfrif ar x.com, yna gwiriwch eto.</translation>
    </message>
    <message>
        <source>No blocks are waiting for X to confirm them.</source>
        <translation>Does dim rhwystriadau&apos;n aros i X eu cadarnhau.</translation>
    </message>
    <message>
        <source>When you have reported it on x.com, press “I have reported it” so the app records what you reported and why.</source>
        <translation>Ar ôl i chi ei adrodd ar x.com, pwyswch “Rwyf wedi&apos;i adrodd” er mwyn i&apos;r ap gofnodi beth wnaethoch chi ei adrodd a pham.</translation>
    </message>
    <message>
        <source>Report recorded.</source>
        <translation>Adroddiad wedi&apos;i gofnodi.</translation>
    </message>
    <message>
        <source>Choose the reply the incident is about first.</source>
        <translation>Dewiswch yn gyntaf yr ateb y mae&apos;r digwyddiad yn ymwneud ag ef.</translation>
    </message>
    <message>
        <source>Incident pack saved to {path}. Give it to the head teacher and keep it with the school&apos;s safeguarding records.</source>
        <translation>Pecyn digwyddiad wedi&apos;i gadw yn {path}. Rhowch ef i&apos;r pennaeth, a&apos;i gadw gyda chofnodion diogelu&apos;r ysgol.</translation>
    </message>
    <message>
        <source>The pack could not be saved: {error}. Choose another folder (for example Documents) and press Save again.</source>
        <translation>Doedd dim modd cadw&apos;r pecyn: {error}. Dewiswch ffolder arall (er enghraifft Dogfennau) a phwyswch Cadw eto.</translation>
    </message>
    <message>
        <source>Making the governors&apos; report…</source>
        <translation>Yn creu adroddiad y llywodraethwyr…</translation>
    </message>
    <message>
        <source>Governors&apos; report saved in {folder}: {names}. The PDF could not be written ({error}): open the web page and print it to PDF instead.</source>
        <translation>Adroddiad y llywodraethwyr wedi&apos;i gadw yn {folder}: {names}. Doedd dim modd ysgrifennu&apos;r PDF ({error}): agorwch y dudalen we a&apos;i hargraffu i PDF yn lle hynny.</translation>
    </message>
    <message>
        <source>Governors&apos; report saved in {folder}: {names}.</source>
        <translation>Adroddiad y llywodraethwyr wedi&apos;i gadw yn {folder}: {names}.</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ie</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Na</translation>
    </message>
    <message>
        <source>Save the incident pack</source>
        <translation>Cadw&apos;r pecyn digwyddiad</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>Tudalen we (*.html)</translation>
    </message>
    <message>
        <source>Where to save the governors&apos; report</source>
        <translation>Ble i gadw adroddiad y llywodraethwyr</translation>
    </message>
</context>
<context>
    <name>NameGuard</name>
    <message>
        <source>matches a pupil&apos;s full name on the roster</source>
        <translation>yn cyfateb i enw llawn disgybl ar y rhestr ddisgyblion</translation>
    </message>
    <message>
        <source>matches a pupil&apos;s first name on the roster</source>
        <translation>yn cyfateb i enw cyntaf disgybl ar y rhestr ddisgyblion</translation>
    </message>
    <message>
        <source>matches the name a pupil is known by on the roster</source>
        <translation>yn cyfateb i&apos;r enw y mae disgybl yn cael ei adnabod wrtho ar y rhestr ddisgyblion</translation>
    </message>
    <message>
        <source>matches a pupil&apos;s surname on the roster</source>
        <translation>yn cyfateb i gyfenw disgybl ar y rhestr ddisgyblion</translation>
    </message>
    <message>
        <source>sounds like a pupil&apos;s name on the roster, spelled another way</source>
        <translation>yn swnio fel enw disgybl ar y rhestr ddisgyblion, wedi&apos;i sillafu mewn ffordd arall</translation>
    </message>
    <message>
        <source>is one letter away from a pupil&apos;s name on the roster (text read from a photo is often misread by a letter)</source>
        <translation>un llythyren i ffwrdd o enw disgybl ar y rhestr ddisgyblion (mae testun a ddarllenir o lun yn aml yn cael ei gamddarllen o un llythyren)</translation>
    </message>
    <message>
        <source>is a usual short form of a pupil&apos;s name on the roster</source>
        <translation>yn ffurf fer arferol ar enw disgybl ar y rhestr ddisgyblion</translation>
    </message>
    <message>
        <source>a pupil on the roster has the same name as {famous}: check it means the famous one</source>
        <translation>mae gan ddisgybl ar y rhestr ddisgyblion yr un enw â {famous}: gwiriwch mai&apos;r un enwog a olygir</translation>
    </message>
    <message>
        <source>; probably {famous}, named earlier: check</source>
        <translation>; {famous} mae&apos;n debyg, a enwyd yn gynharach: gwiriwch</translation>
    </message>
    <message>
        <source>; probably the place: check</source>
        <translation>; y lle mae&apos;n debyg: gwiriwch</translation>
    </message>
    <message>
        <source>; probably a business or a place named after someone: check</source>
        <translation>; busnes neu le wedi&apos;i enwi ar ôl rhywun, mae&apos;n debyg: gwiriwch</translation>
    </message>
    <message>
        <source> (written in lower case: check)</source>
        <translation> (wedi&apos;i ysgrifennu mewn llythrennau bach: gwiriwch)</translation>
    </message>
    <message>
        <source>; also the word &quot;{word}&quot;: check which is meant</source>
        <translation>; hefyd y gair &quot;{word}&quot;: gwiriwch pa un a olygir</translation>
    </message>
    <message>
        <source>; looks like the name of a class, house or event: check</source>
        <translation>; mae&apos;n edrych fel enw dosbarth, tŷ neu ddigwyddiad: gwiriwch</translation>
    </message>
    <message>
        <source>, run together with other words: check</source>
        <translation>, wedi&apos;i redeg ynghyd â geiriau eraill: gwiriwch</translation>
    </message>
    <message>
        <source>, run together with other words</source>
        <translation>, wedi&apos;i redeg ynghyd â geiriau eraill</translation>
    </message>
    <message>
        <source>; written on its own, as on a name label</source>
        <translation>; wedi&apos;i ysgrifennu ar ei ben ei hun, fel ar label enw</translation>
    </message>
</context>
<context>
    <name>NewMemberDialog</name>
    <message>
        <source>Add a member of staff</source>
        <translation>Ychwanegu aelod o staff</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Enw</translation>
    </message>
    <message>
        <source>As staff know them, e.g. Mr A. Example; it appears on the sign-in screen and in the audit log</source>
        <translation>Fel mae&apos;r staff yn eu hadnabod, e.e. Mr A. Enghraifft; mae&apos;n ymddangos ar y sgrin mewngofnodi ac yn y log archwilio</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôl</translation>
    </message>
    <message>
        <source>What they may do in the app; the Staff tab&apos;s table shows each role&apos;s permissions</source>
        <translation>Beth gânt ei wneud yn yr ap; mae&apos;r tabl ar y tab Staff yn dangos hawliau pob rôl</translation>
    </message>
    <message>
        <source>Their PIN</source>
        <translation>Eu PIN</translation>
    </message>
    <message>
        <source>Their PIN again</source>
        <translation>Eu PIN eto</translation>
    </message>
    <message>
        <source>May approve other people&apos;s tweets</source>
        <translation>Caiff gymeradwyo negeseuon pobl eraill</translation>
    </message>
    <message>
        <source>Adds approving to whatever their role allows</source>
        <translation>Yn ychwanegu cymeradwyo at beth bynnag y mae eu rôl yn ei ganiatáu</translation>
    </message>
    <message>
        <source>Name (as staff know them)</source>
        <translation>Enw (fel mae&apos;r staff yn eu hadnabod)</translation>
    </message>
    <message>
        <source>PIN (6 or more digits)</source>
        <translation>PIN (6 digid neu fwy)</translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation>PIN eto</translation>
    </message>
    <message>
        <source>Checks what you typed, then asks for the head-teacher PIN</source>
        <translation>Yn gwirio&apos;r hyn a deipiwyd gennych, yna&apos;n gofyn am PIN y pennaeth</translation>
    </message>
</context>
<context>
    <name>NewRecoveryCodeDialog</name>
    <message>
        <source>The new recovery code</source>
        <translation>Y cod adfer newydd</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Gorffen</translation>
    </message>
    <message>
        <source>Available once you tick that the code is written down</source>
        <translation>Ar gael ar ôl i chi dicio bod y cod wedi&apos;i ysgrifennu</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <source>No staff accounts are set up, so nothing can be done here. Set up the school first.</source>
        <translation>Does dim cyfrifon staff wedi&apos;u gosod, felly does dim modd gwneud dim yma. Gosodwch yr ysgol yn gyntaf.</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>Mewngofnodwch yn gyntaf.</translation>
    </message>
    <message>
        <source>Say why, in a few words: it goes in the audit log.</source>
        <translation>Dywedwch pam, mewn ychydig eiriau: mae&apos;n mynd i&apos;r log archwilio.</translation>
    </message>
    <message>
        <source>This needs the head teacher&apos;s PIN, and this practice set-up has no head teacher.</source>
        <translation>Mae angen PIN y pennaeth ar gyfer hyn, ac nid oes pennaeth yn y gosodiad ymarfer hwn.</translation>
    </message>
    <message>
        <source>This computer was removed from the school by the head teacher, so nothing can be done on it. If that was a mistake, the head teacher can make an enrolment code for it again.</source>
        <translation>Cafodd y cyfrifiadur hwn ei dynnu o&apos;r ysgol gan y pennaeth, felly does dim modd gwneud dim arno. Os camgymeriad oedd hynny, gall y pennaeth wneud cod ymrestru ar ei gyfer eto.</translation>
    </message>
    <message>
        <source>This action is not in the app&apos;s table of actions, so it is refused.</source>
        <translation>Nid yw&apos;r weithred hon yn nhabl gweithredoedd yr ap, felly caiff ei gwrthod.</translation>
    </message>
    <message>
        <source>The school&apos;s database is not open, so nothing can be changed.</source>
        <translation>Nid yw cronfa ddata&apos;r ysgol ar agor, felly does dim modd newid dim.</translation>
    </message>
    <message>
        <source>Type the X account&apos;s password first.</source>
        <translation>Teipiwch gyfrinair cyfrif X yn gyntaf.</translation>
    </message>
    <message>
        <source>The school&apos;s database is not open, so nothing was changed.</source>
        <translation>Nid yw cronfa ddata&apos;r ysgol ar agor, felly ni newidiwyd dim.</translation>
    </message>
    <message>
        <source>Computers are registered for tweeting once the head teacher has set up staff accounts.</source>
        <translation>Caiff cyfrifiaduron eu cofrestru ar gyfer postio negeseuon ar ôl i&apos;r pennaeth osod cyfrifon staff.</translation>
    </message>
    <message>
        <source>These keys allow direct messages, which the school&apos;s policy rules out. In the X developer portal set the app to “Read and write”, regenerate the access token and try again.</source>
        <translation>Mae&apos;r allweddi hyn yn caniatáu negeseuon uniongyrchol, ac mae polisi&apos;r ysgol yn gwahardd hynny. Ym mhorth datblygwyr X, gosodwch yr ap i “Read and write”, ail-gynhyrchwch y tocyn mynediad a rhowch gynnig arall arni.</translation>
    </message>
    <message>
        <source>These are the X keys that were retired when a computer that held them was removed. Regenerate the keys on the X developer portal and enter the new ones.</source>
        <translation>Dyma&apos;r allweddi X a ymddeolwyd pan dynnwyd cyfrifiadur a oedd yn eu dal. Ail-gynhyrchwch yr allweddi ym mhorth datblygwyr X a rhowch y rhai newydd.</translation>
    </message>
    <message>
        <source>This setting is changed only by its own button, which asks what it needs.</source>
        <translation>Dim ond ei fotwm ei hun sy&apos;n newid y gosodiad hwn, ac mae&apos;r botwm hwnnw&apos;n gofyn am yr hyn sydd ei angen.</translation>
    </message>
    <message>
        <source>No staff accounts are set up, so this cannot be changed here.</source>
        <translation>Does dim cyfrifon staff wedi&apos;u gosod, felly does dim modd newid hyn yma.</translation>
    </message>
    <message>
        <source>The two PINs are different. Type the same PIN twice.</source>
        <translation>Mae&apos;r ddau PIN yn wahanol. Teipiwch yr un PIN ddwywaith.</translation>
    </message>
</context>
<context>
    <name>Outbox</name>
    <message>
        <source>Already on X: nothing was posted twice.</source>
        <translation>Eisoes ar X: ni chafodd dim ei bostio ddwywaith.</translation>
    </message>
    <message>
        <source>Posted.</source>
        <translation>Wedi&apos;i phostio.</translation>
    </message>
    <message>
        <source>Unexpected problem while posting: {error}</source>
        <translation>Problem annisgwyl wrth bostio: {error}</translation>
    </message>
    <message>
        <source>X says this tweet is the same as one already posted, but the app cannot find it among the school&apos;s recent tweets.</source>
        <translation>Mae X yn dweud bod y neges hon yr un fath ag un a bostiwyd eisoes, ond nid yw&apos;r ap yn gallu dod o hyd iddi ymhlith negeseuon diweddar yr ysgol.</translation>
    </message>
    <message>
        <source>Change the wording a little (for example, add the date) and post it again.</source>
        <translation>Newidiwch y geiriad ychydig (er enghraifft, ychwanegwch y dyddiad) a&apos;i phostio eto.</translation>
    </message>
    <message>
        <source>The app is checking whether X received the last try.</source>
        <translation>Mae&apos;r ap yn gwirio a gafodd X yr ymgais ddiwethaf.</translation>
    </message>
    <message>
        <source>It tries again by itself in a few minutes; nothing is posted twice.</source>
        <translation>Bydd yn rhoi cynnig arall ohono&apos;i hun ymhen ychydig funudau; ni chaiff dim ei bostio ddwywaith.</translation>
    </message>
    <message>
        <source>The app once took this tweet for another one already on X. Check the school&apos;s timeline and post it again only if it is not there.</source>
        <translation>Roedd yr ap unwaith wedi cymryd y neges hon am un arall a oedd eisoes ar X. Gwiriwch linell amser yr ysgol a&apos;i phostio eto dim ond os nad yw hi yno.</translation>
    </message>
</context>
<context>
    <name>PhotoCanvas</name>
    <message>
        <source>Photo editor</source>
        <translation>Golygydd lluniau</translation>
    </message>
    <message>
        <source>The selected photo with its crop frame and the regions that will be covered. Arrow keys move the crop frame, or the chosen region (Ctrl with an arrow resizes the region); Shift moves ten times as far. In add-region mode Enter adds a region in the middle. Delete removes the chosen region, Esc lets go of it.</source>
        <translation>Y llun a ddewiswyd, gyda&apos;i ffrâm docio a&apos;r ardaloedd a fydd yn cael eu cuddio. Mae&apos;r bysellau saeth yn symud y ffrâm docio, neu&apos;r ardal a ddewiswyd (mae Ctrl gyda saeth yn newid maint yr ardal); mae Shift yn symud ddeg gwaith mor bell. Yn y modd ychwanegu ardal, mae Enter yn ychwanegu ardal yn y canol. Mae Delete yn tynnu&apos;r ardal a ddewiswyd, ac mae Esc yn ei gollwng.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Enw</translation>
    </message>
    <message>
        <source>Name?</source>
        <translation>Enw?</translation>
    </message>
</context>
<context>
    <name>PhotoLibrary</name>
    <message>
        <source>a description</source>
        <translation>disgrifiad</translation>
    </message>
    <message>
        <source>every face checked</source>
        <translation>gwirio pob wyneb</translation>
    </message>
    <message>
        <source>photo consent confirmed</source>
        <translation>cadarnhau caniatâd llun</translation>
    </message>
    <message>
        <source>its written text checked for names (prepare it again)</source>
        <translation>gwirio&apos;r testun sydd ynddo am enwau (paratowch ef eto)</translation>
    </message>
    <message>
        <source>{first} and {second}</source>
        <translation>{first} a {second}</translation>
    </message>
    <message>
        <source>Sign in first: a prepared photo records who prepared it.</source>
        <translation>Mewngofnodwch yn gyntaf: mae llun wedi&apos;i baratoi yn cofnodi pwy a&apos;i paratôdd.</translation>
    </message>
    <message>
        <source>Sign in first: a confirmation records who gave it.</source>
        <translation>Mewngofnodwch yn gyntaf: mae cadarnhad yn cofnodi pwy a&apos;i rhoddodd.</translation>
    </message>
    <message>
        <source>{photo} is already in a post; prepare it again to post it once more.</source>
        <translation>Mae {photo} eisoes mewn neges; paratowch ef eto i&apos;w bostio unwaith eto.</translation>
    </message>
    <message>
        <source>{photo} cannot be attached yet: it still needs {missing} (on the Photos tab).</source>
        <translation>Nid oes modd atodi {photo} eto: mae angen {missing} arno o hyd (ar y tab Lluniau).</translation>
    </message>
    <message>
        <source>The description is {count} characters; X takes at most {limit}. Shorten it.</source>
        <translation>Mae&apos;r disgrifiad yn {count} nod; mae X yn derbyn {limit} ar y mwyaf. Byrhewch ef.</translation>
    </message>
    <message>
        <source>Prepared photo {number} is not in the list any more.</source>
        <translation>Nid yw llun wedi&apos;i baratoi rhif {number} yn y rhestr mwyach.</translation>
    </message>
    <message>
        <source>Prepared photo {number} is no longer in the list, or it is already in a post: nothing was changed.</source>
        <translation>Nid yw llun wedi&apos;i baratoi rhif {number} yn y rhestr mwyach, neu mae eisoes mewn neges: ni newidiwyd dim.</translation>
    </message>
</context>
<context>
    <name>PhotoPickerDialog</name>
    <message>
        <source>Attach prepared photos</source>
        <translation>Atodi lluniau wedi&apos;u paratoi</translation>
    </message>
    <message>
        <source>Photos ready to attach</source>
        <translation>Lluniau sy&apos;n barod i&apos;w hatodi</translation>
    </message>
    <message>
        <source>Tick a photo to attach it. Hover over a photo to read its whole description.</source>
        <translation>Ticiwch lun i&apos;w atodi. Hofranwch dros lun i ddarllen ei ddisgrifiad cyfan.</translation>
    </message>
    <message>
        <source>Photos chosen</source>
        <translation>Lluniau a ddewiswyd</translation>
    </message>
    <message>
        <source>Attach</source>
        <translation>Atodi</translation>
    </message>
    <message>
        <source>Add the ticked photos to the tweet; you can still remove them before posting</source>
        <translation>Ychwanegu&apos;r lluniau wedi&apos;u ticio at y neges; gallwch eu tynnu o hyd cyn postio</translation>
    </message>
    <message>
        <source>This tweet already has {limit} photos, as many as X allows. Remove one before adding another.</source>
        <translation>Mae gan y neges hon {limit} llun yn barod, sef yr uchafswm y mae X yn ei ganiatáu. Tynnwch un cyn ychwanegu un arall.</translation>
    </message>
    <message>
        <source>No photos are ready to attach. On the Photos tab, prepare a photo, describe it, and confirm that every face has been checked and every child shown has photo consent.</source>
        <translation>Does dim lluniau&apos;n barod i&apos;w hatodi. Ar y tab Lluniau, paratowch lun, rhowch ddisgrifiad iddo, a chadarnhewch fod pob wyneb wedi&apos;i wirio a bod caniatâd lluniau ar gyfer pob plentyn sydd yn y llun.</translation>
    </message>
    <message>
        <source>Tick up to {room}. Only photos that are described and checked are listed. Space ticks the chosen one.</source>
        <translation>Ticiwch hyd at {room}. Dim ond lluniau sydd wedi&apos;u disgrifio a&apos;u gwirio sy&apos;n cael eu rhestru. Mae&apos;r Bylchwr yn ticio&apos;r un a ddewiswyd.</translation>
    </message>
    <message>
        <source>1 photo</source>
        <translation>1 llun</translation>
    </message>
    <message>
        <source>{count} photos</source>
        <translation>{count} llun</translation>
    </message>
    <message>
        <source>A tweet can carry at most {limit} photos: there is room for {room}. Untick one first.</source>
        <translation>Gall neges gynnwys {limit} llun ar y mwyaf: mae lle i {room}. Dad-diciwch un yn gyntaf.</translation>
    </message>
    <message>
        <source>{chosen} of {room} chosen.</source>
        <translation>{chosen} o {room} wedi&apos;u dewis.</translation>
    </message>
    <message>
        <source>faces checked by {name}</source>
        <translation>wynebau wedi&apos;u gwirio gan {name}</translation>
    </message>
</context>
<context>
    <name>PhotoPipeline</name>
    <message>
        <source>This photo&apos;s faces have not been looked for, so it cannot be prepared. Look for faces in it, or turn the search off for it and cover every face by hand.</source>
        <translation>Nid yw&apos;r llun hwn wedi cael ei wirio am wynebau, felly does dim modd ei baratoi. Chwiliwch am wynebau ynddo, neu diffoddwch y chwilio ar ei gyfer a chuddiwch bob wyneb â llaw.</translation>
    </message>
</context>
<context>
    <name>PhotoText</name>
    <message>
        <source>The text reader is missing or damaged, so text written in photos cannot be checked for children&apos;s names. Reinstall St Peter&apos;s Desk.</source>
        <translation>Mae&apos;r darllenydd testun ar goll neu wedi&apos;i ddifrodi, felly does dim modd gwirio testun mewn lluniau am enwau plant. Gosodwch St Peter&apos;s Desk eto.</translation>
    </message>
</context>
<context>
    <name>Photos</name>
    <message>
        <source>{file}: the file is not there any more. Check the folder and choose it again.</source>
        <translation>{file}: nid yw&apos;r ffeil yno mwyach. Gwiriwch y ffolder a&apos;i dewis eto.</translation>
    </message>
    <message>
        <source>{file}: this computer will not let the app read it. Copy it to your Pictures folder and try again.</source>
        <translation>{file}: nid yw&apos;r cyfrifiadur hwn yn gadael i&apos;r ap ei darllen. Copïwch hi i&apos;ch ffolder Lluniau a rhowch gynnig arall arni.</translation>
    </message>
    <message>
        <source>{file} is not a photo the app can read: it may be damaged or not a picture at all. Copy it from the iPad or camera again, or choose another photo.</source>
        <translation>Nid yw {file} yn llun y gall yr ap ei ddarllen: efallai fod y ffeil wedi&apos;i difrodi neu nad yw&apos;n llun o gwbl. Copïwch hi o&apos;r iPad neu&apos;r camera eto, neu dewiswch lun arall.</translation>
    </message>
    <message>
        <source>{file} is a {kind} image, which the app does not take. Save it as JPEG or PNG (or use the iPad&apos;s HEIC photo) and open that instead.</source>
        <translation>Mae {file} yn ddelwedd {kind}, a dydy&apos;r ap ddim yn derbyn y math hwnnw. Cadwch hi fel JPEG neu PNG (neu defnyddiwch lun HEIC yr iPad) ac agorwch y ffeil honno yn lle hynny.</translation>
    </message>
    <message>
        <source>{file} is damaged or incomplete (perhaps a copy that stopped half way). Copy it from the iPad or camera again.</source>
        <translation>Mae {file} wedi&apos;i difrodi neu&apos;n anghyflawn (copi a stopiodd hanner ffordd, efallai). Copïwch hi o&apos;r iPad neu&apos;r camera eto.</translation>
    </message>
    <message>
        <source>{count} megapixels</source>
        <translation>{count} megapicsel</translation>
    </message>
    <message>
        <source>far more pixels than any camera photo</source>
        <translation>llawer mwy o bicseli nag unrhyw lun camera</translation>
    </message>
    <message>
        <source>{width} x {height} pixels</source>
        <translation>{width} x {height} picsel</translation>
    </message>
    <message>
        <source>{file} is too large to open safely ({claimed}; the app takes up to {limit}). Resize it on the computer that made it, or set the camera to a smaller photo size.</source>
        <translation>Mae {file} yn rhy fawr i&apos;w hagor yn ddiogel ({claimed}; mae&apos;r ap yn derbyn hyd at {limit}). Newidiwch ei maint ar y cyfrifiadur a&apos;i creodd, neu gosodwch y camera i faint llun llai.</translation>
    </message>
    <message>
        <source>The crop lies outside the photo.</source>
        <translation>Mae&apos;r ardal docio y tu allan i&apos;r llun.</translation>
    </message>
    <message>
        <source>Straighten by at most {degrees}°; use the 90° turn for more.</source>
        <translation>Gallwch sythu {degrees}° ar y mwyaf; defnyddiwch y troad 90° i droi mwy.</translation>
    </message>
    <message>
        <source>The photo cannot be made small enough for X.</source>
        <translation>Does dim modd gwneud y llun yn ddigon bach i X.</translation>
    </message>
</context>
<context>
    <name>PhotosTab</name>
    <message>
        <source>16:9 wide (best in X&apos;s timeline)</source>
        <translation>16:9 llydan (gorau yn llinell amser X)</translation>
    </message>
    <message>
        <source>1:1 square</source>
        <translation>1:1 sgwâr</translation>
    </message>
    <message>
        <source>4:5 portrait</source>
        <translation>4:5 portread</translation>
    </message>
    <message>
        <source>3:4 tall</source>
        <translation>3:4 tal</translation>
    </message>
    <message>
        <source>Free (any shape)</source>
        <translation>Rhydd (unrhyw siâp)</translation>
    </message>
    <message>
        <source>Solid block (recommended)</source>
        <translation>Bloc solet (argymhellir)</translation>
    </message>
    <message>
        <source>Coarse mosaic with noise</source>
        <translation>Mosaig bras gyda sŵn</translation>
    </message>
    <message>
        <source>{number}. Face</source>
        <translation>{number}. Wyneb</translation>
    </message>
    <message>
        <source>{number}. Text written in the photo</source>
        <translation>{number}. Testun sydd wedi&apos;i ysgrifennu yn y llun</translation>
    </message>
    <message>
        <source>{number}. Region you added</source>
        <translation>{number}. Ardal a ychwanegwyd gennych</translation>
    </message>
    <message>
        <source>{size} MB</source>
        <translation>{size} MB</translation>
    </message>
    <message>
        <source>{size} KB</source>
        <translation>{size} KB</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Hysbysiad</translation>
    </message>
    <message>
        <source>Photos to prepare</source>
        <translation>Lluniau i&apos;w paratoi</translation>
    </message>
    <message>
        <source>&amp;Open photos…</source>
        <translation>&amp;Agor lluniau…</translation>
    </message>
    <message>
        <source>Choose one or more photos (JPEG, PNG or HEIC from an iPad). You can also drag photos onto this tab. (Ctrl+O)</source>
        <translation>Dewiswch un neu fwy o luniau (JPEG, PNG neu HEIC o iPad). Gallwch hefyd lusgo lluniau i&apos;r tab hwn. (Ctrl+O)</translation>
    </message>
    <message>
        <source>Opened photos</source>
        <translation>Lluniau a agorwyd</translation>
    </message>
    <message>
        <source>The photos you opened, each with what the face check found. Choose one to edit it.</source>
        <translation>Y lluniau a agorwyd gennych, pob un gyda&apos;r hyn a ganfu&apos;r gwiriad wynebau. Dewiswch un i&apos;w olygu.</translation>
    </message>
    <message>
        <source>No photos open yet. Press “Open photos…” or drag photos from a folder onto this tab.</source>
        <translation>Dim lluniau ar agor eto. Pwyswch “Agor lluniau…” neu llusgwch luniau o ffolder i&apos;r tab hwn.</translation>
    </message>
    <message>
        <source>Progress opening photos and looking for faces</source>
        <translation>Cynnydd agor lluniau a chwilio am wynebau</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Canslo</translation>
    </message>
    <message>
        <source>Stop finding faces</source>
        <translation>Stopio chwilio am wynebau</translation>
    </message>
    <message>
        <source>Stop finding faces in the photos not looked at yet. They stay in the list, marked as not checked: look for their faces later or cover every face by hand.</source>
        <translation>Stopio chwilio am wynebau yn y lluniau sydd heb eu gwirio eto. Byddant yn aros yn y rhestr, wedi&apos;u marcio fel rhai heb eu gwirio: chwiliwch am eu hwynebau yn nes ymlaen neu cuddiwch bob wyneb â llaw.</translation>
    </message>
    <message>
        <source>Close photo</source>
        <translation>Cau&apos;r llun</translation>
    </message>
    <message>
        <source>Take the selected photo out of this list (the file on the computer is not touched)</source>
        <translation>Tynnu&apos;r llun a ddewiswyd o&apos;r rhestr hon (ni chaiff y ffeil ar y cyfrifiadur ei newid)</translation>
    </message>
    <message>
        <source>Crop shape</source>
        <translation>Siâp tocio</translation>
    </message>
    <message>
        <source>The shape of the crop frame. 16:9 shows whole in X&apos;s timeline; other shapes may be cut short there.</source>
        <translation>Siâp y ffrâm docio. Mae 16:9 yn ymddangos yn gyfan yn llinell amser X; gall siapiau eraill gael eu torri&apos;n fyr yno.</translation>
    </message>
    <message>
        <source>&amp;Shape:</source>
        <translation>&amp;Siâp:</translation>
    </message>
    <message>
        <source>Size of the prepared photo</source>
        <translation>Maint y llun wedi&apos;i baratoi</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Dadwneud</translation>
    </message>
    <message>
        <source>Undo the last crop or region change (Ctrl+Z)</source>
        <translation>Dadwneud y newid diwethaf i&apos;r tocio neu i&apos;r ardaloedd (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Ailwneud</translation>
    </message>
    <message>
        <source>Redo the change you undid (Ctrl+Shift+Z)</source>
        <translation>Ailwneud y newid a ddadwnaethoch (Ctrl+Shift+Z)</translation>
    </message>
    <message>
        <source>Turn left</source>
        <translation>Troi i&apos;r chwith</translation>
    </message>
    <message>
        <source>Turn the photo a quarter turn anticlockwise</source>
        <translation>Troi&apos;r llun chwarter tro yn wrthglocwedd</translation>
    </message>
    <message>
        <source>Turn right</source>
        <translation>Troi i&apos;r dde</translation>
    </message>
    <message>
        <source>Turn the photo a quarter turn clockwise</source>
        <translation>Troi&apos;r llun chwarter tro yn glocwedd</translation>
    </message>
    <message>
        <source>Straighten, in degrees</source>
        <translation>Sythu, mewn graddau</translation>
    </message>
    <message>
        <source>Tilt the photo a little to level a wonky horizon; the edges are cropped to fit. Arrow keys move it in small steps.</source>
        <translation>Gogwyddwch y llun ychydig i lefelu gorwel cam; caiff yr ymylon eu tocio i ffitio. Mae&apos;r bysellau saeth yn ei symud fesul cam bach.</translation>
    </message>
    <message>
        <source>S&amp;traighten:</source>
        <translation>Syt&amp;hu:</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Ailosod</translation>
    </message>
    <message>
        <source>Back to the whole photo, upright: no crop, turn or straightening (regions stay)</source>
        <translation>Yn ôl i&apos;r llun cyfan, yn unionsyth: dim tocio, troi na sythu (mae&apos;r ardaloedd yn aros)</translation>
    </message>
    <message>
        <source>Faces and other regions to cover</source>
        <translation>Wynebau ac ardaloedd eraill i&apos;w cuddio</translation>
    </message>
    <message>
        <source>What the face check found</source>
        <translation>Yr hyn a ganfu&apos;r gwiriad wynebau</translation>
    </message>
    <message>
        <source>Regions that will be covered</source>
        <translation>Ardaloedd a fydd yn cael eu cuddio</translation>
    </message>
    <message>
        <source>&amp;Add region</source>
        <translation>&amp;Ychwanegu ardal</translation>
    </message>
    <message>
        <source>Then drag over a face (or a name badge) in the photo to cover it. Esc stops adding.</source>
        <translation>Yna llusgwch dros wyneb (neu fathodyn enw) yn y llun i&apos;w guddio. Pwyswch Esc i stopio ychwanegu.</translation>
    </message>
    <message>
        <source>Look for faces now</source>
        <translation>Chwilio am wynebau nawr</translation>
    </message>
    <message>
        <source>Could not be opened</source>
        <translation>Nid oedd modd ei agor</translation>
    </message>
    <message>
        <source>Not checked for faces: finding faces was stopped</source>
        <translation>Heb ei wirio am wynebau: cafodd y chwilio am wynebau ei stopio</translation>
    </message>
    <message>
        <source>Text not read: reading was stopped</source>
        <translation>Testun heb ei ddarllen: cafodd y darllen ei atal</translation>
    </message>
    <message>
        <source>A pupil&apos;s name is written in it: cover it</source>
        <translation>Mae enw disgybl wedi&apos;i ysgrifennu ynddo: cuddiwch ef</translation>
    </message>
    <message>
        <source>Prepared</source>
        <translation>Wedi&apos;i baratoi</translation>
    </message>
    <message>
        <source>{count} uncertain: cover or leave uncovered</source>
        <translation>{count} yn ansicr: eu cuddio neu eu gadael heb eu cuddio</translation>
    </message>
    <message>
        <source>No faces found: look yourself</source>
        <translation>Dim wynebau wedi&apos;u canfod: edrychwch eich hun</translation>
    </message>
    <message>
        <source>Faces could not be looked for: {error} Press “Look for faces now” to try again, or cover every face by hand with “Add region” and untick “Look for faces in this photo”.</source>
        <translation>Doedd dim modd chwilio am wynebau: {error} Pwyswch “Chwilio am wynebau nawr” i roi cynnig arall arni, neu cuddiwch bob wyneb â llaw gydag “Ychwanegu ardal” a dad-diciwch “Chwilio am wynebau yn y llun hwn”.</translation>
    </message>
    <message>
        <source>&amp;Look for faces in this photo</source>
        <translation>Chwi&amp;lio am wynebau yn y llun hwn</translation>
    </message>
    <message>
        <source>{number}. Face? Not sure: cover it or leave it uncovered</source>
        <translation>{number}. Wyneb? Ansicr: ei guddio neu ei adael heb ei guddio</translation>
    </message>
    <message>
        <source>{number}. Face (not sure, covered)</source>
        <translation>{number}. Wyneb (ansicr, wedi&apos;i guddio)</translation>
    </message>
    <message>
        <source>{number}. Region you added? Not sure: cover it or leave it uncovered</source>
        <translation>{number}. Ardal a ychwanegwyd gennych? Ansicr: ei chuddio neu ei gadael heb ei chuddio</translation>
    </message>
    <message>
        <source>{number}. Region you added (not sure, covered)</source>
        <translation>{number}. Ardal a ychwanegwyd gennych (ansicr, wedi&apos;i chuddio)</translation>
    </message>
    <message>
        <source>Steps for the chosen photo</source>
        <translation>Camau ar gyfer y llun a ddewiswyd</translation>
    </message>
    <message>
        <source>1. Check, prepare</source>
        <translation>1. Gwirio, paratoi</translation>
    </message>
    <message>
        <source>2. Describe, confirm</source>
        <translation>2. Disgrifio, cadarnhau</translation>
    </message>
    <message>
        <source>Check every face and every piece of writing in the photo, then prepare it</source>
        <translation>Gwiriwch bob wyneb a phob darn o ysgrifen yn y llun, yna paratowch ef</translation>
    </message>
    <message>
        <source>Describe the prepared photo and confirm the face and consent checks</source>
        <translation>Disgrifiwch y llun wedi&apos;i baratoi a chadarnhewch y gwiriadau wynebau a chaniatâd</translation>
    </message>
    <message>
        <source>Every part of the photo that will be covered. Choose one to move it, cover it or leave it uncovered (Delete).</source>
        <translation>Pob rhan o&apos;r llun a gaiff ei chuddio. Dewiswch un i&apos;w symud, i&apos;w chuddio neu i&apos;w gadael heb ei chuddio (Delete).</translation>
    </message>
    <message>
        <source>Cover &amp;it</source>
        <translation>&amp;Ei chuddio</translation>
    </message>
    <message>
        <source>The chosen uncertain region (dashed, marked “?”) may be a face: cover it in the prepared photo</source>
        <translation>Gall yr ardal ansicr a ddewiswyd (amlinell doredig, wedi&apos;i marcio “?”) fod yn wyneb: cuddiwch hi yn y llun wedi&apos;i baratoi</translation>
    </message>
    <message>
        <source>Leave &amp;uncovered</source>
        <translation>Ei gadael &amp;heb ei chuddio</translation>
    </message>
    <message>
        <source>Take away the chosen region: that part of the photo is not covered (Delete)</source>
        <translation>Tynnu&apos;r ardal a ddewiswyd: ni chaiff y rhan honno o&apos;r llun ei chuddio (Delete)</translation>
    </message>
    <message>
        <source>Turn off for a photo with no people in it; cover any face by hand with “Add region”.</source>
        <translation>Diffoddwch hwn ar gyfer llun heb bobl ynddo; cuddiwch unrhyw wyneb â llaw gydag “Ychwanegu ardal”.</translation>
    </message>
    <message>
        <source>How regions are covered</source>
        <translation>Sut mae ardaloedd yn cael eu cuddio</translation>
    </message>
    <message>
        <source>A solid block hides a face completely. A mosaic looks softer but still cannot be undone.</source>
        <translation>Mae bloc solet yn cuddio wyneb yn llwyr. Mae mosaig yn edrych yn feddalach, ond mae&apos;n dal yn amhosibl ei ddadwneud.</translation>
    </message>
    <message>
        <source>Co&amp;ver with:</source>
        <translation>C&amp;uddio â:</translation>
    </message>
    <message>
        <source>Text written in the photo</source>
        <translation>Testun sydd wedi&apos;i ysgrifennu yn y llun</translation>
    </message>
    <message>
        <source>What the text check found</source>
        <translation>Beth a ganfu&apos;r gwiriad testun</translation>
    </message>
    <message>
        <source>Text read in the photo</source>
        <translation>Testun a ddarllenwyd yn y llun</translation>
    </message>
    <message>
        <source>Every piece of text the app read in the photo. Read each one: choose it and press “Cover the chosen text” to hide it.</source>
        <translation>Pob darn o destun a ddarllenodd yr ap yn y llun. Darllenwch bob un: dewiswch ef a phwyswch “Cuddio&apos;r testun a ddewiswyd” i&apos;w guddio.</translation>
    </message>
    <message>
        <source>Cover &amp;names</source>
        <translation>Cuddio&apos;r e&amp;nwau</translation>
    </message>
    <message>
        <source>Cover every pupil&apos;s name found written in the photo (outlined and marked “Name”)</source>
        <translation>Cuddio pob enw disgybl a ganfuwyd wedi&apos;i ysgrifennu yn y llun (ag amlinell ac wedi&apos;i farcio “Enw”)</translation>
    </message>
    <message>
        <source>Cover the chosen te&amp;xt</source>
        <translation>Cuddio&apos;r testun a ddewis&amp;wyd</translation>
    </message>
    <message>
        <source>Cover the piece of text chosen in the list</source>
        <translation>Cuddio&apos;r darn o destun a ddewiswyd yn y rhestr</translation>
    </message>
    <message>
        <source>Read the text now</source>
        <translation>Darllen y testun nawr</translation>
    </message>
    <message>
        <source>The text in this photo was not read: read it now</source>
        <translation>Ni chafodd y testun yn y llun hwn ei ddarllen: darllenwch ef nawr</translation>
    </message>
    <message>
        <source>&amp;Prepare photo</source>
        <translation>&amp;Paratoi&apos;r llun</translation>
    </message>
    <message>
        <source>Cover the regions for good, crop, remove the camera&apos;s hidden information and make it the right size for X</source>
        <translation>Cuddio&apos;r ardaloedd yn barhaol, tocio, tynnu gwybodaeth gudd y camera a gwneud y llun y maint cywir ar gyfer X</translation>
    </message>
    <message>
        <source>Whether the prepared photo can be attached</source>
        <translation>A ellir atodi&apos;r llun wedi&apos;i baratoi</translation>
    </message>
    <message>
        <source>Ready to attach</source>
        <translation>Yn barod i&apos;w atodi</translation>
    </message>
    <message>
        <source>Prepared photos, ready to attach once checked</source>
        <translation>Lluniau wedi&apos;u paratoi, yn barod i&apos;w hatodi ar ôl eu gwirio</translation>
    </message>
    <message>
        <source>Prepared photos. Choose one to describe it and confirm its checks; the composer can then attach it.</source>
        <translation>Lluniau wedi&apos;u paratoi. Dewiswch un i&apos;w ddisgrifio ac i gadarnhau ei wiriadau; yna gellir ei atodi yn y tab Ysgrifennu.</translation>
    </message>
    <message>
        <source>Nothing prepared yet. Prepared photos wait here until they are described and checked; then the composer can attach them.</source>
        <translation>Dim byd wedi&apos;i baratoi eto. Mae lluniau wedi&apos;u paratoi yn aros yma nes eu bod wedi&apos;u disgrifio a&apos;u gwirio; yna gellir eu hatodi yn y tab Ysgrifennu.</translation>
    </message>
    <message>
        <source>Remove from list…</source>
        <translation>Tynnu o&apos;r rhestr…</translation>
    </message>
    <message>
        <source>Delete the prepared copy (the original file is not touched)</source>
        <translation>Dileu&apos;r copi wedi&apos;i baratoi (ni chaiff y ffeil wreiddiol ei newid)</translation>
    </message>
    <message>
        <source>Prepared photo</source>
        <translation>Llun wedi&apos;i baratoi</translation>
    </message>
    <message>
        <source>The prepared photo, as it will be posted</source>
        <translation>Y llun wedi&apos;i baratoi, fel y caiff ei bostio</translation>
    </message>
    <message>
        <source>What was removed and the prepared size</source>
        <translation>Yr hyn a dynnwyd, a maint y llun wedi&apos;i baratoi</translation>
    </message>
    <message>
        <source>Photo description (alt text)</source>
        <translation>Disgrifiad o&apos;r llun (testun amgen)</translation>
    </message>
    <message>
        <source>Describe the photo for families who use screen readers, e.g. “Year 3 planting bulbs in the school garden”. Never a child&apos;s name.</source>
        <translation>Disgrifiwch y llun ar gyfer teuluoedd sy&apos;n defnyddio darllenwyr sgrin, e.e. “Blwyddyn 3 yn plannu bylbiau yng ngardd yr ysgol”. Peidiwch byth â rhoi enw plentyn.</translation>
    </message>
    <message>
        <source>Required: X reads this out to people who cannot see the photo. At most {limit} characters; never a child&apos;s name.</source>
        <translation>Gofynnol: mae X yn darllen hwn yn uchel i bobl na allant weld y llun. Dim mwy na {limit} nod; peidiwch byth â rhoi enw plentyn.</translation>
    </message>
    <message>
        <source>Characters in the description</source>
        <translation>Nodau yn y disgrifiad</translation>
    </message>
    <message>
        <source>Save &amp;description</source>
        <translation>Cadw&apos;r &amp;disgrifiad</translation>
    </message>
    <message>
        <source>Keep this description with the prepared photo; it goes out with the tweet</source>
        <translation>Cadw&apos;r disgrifiad hwn gyda&apos;r llun wedi&apos;i baratoi; mae&apos;n mynd allan gyda&apos;r neges</translation>
    </message>
    <message>
        <source>Who confirmed the checks, and when</source>
        <translation>Pwy gadarnhaodd y gwiriadau, a phryd</translation>
    </message>
    <message>
        <source>For each uncertain region (dashed, marked “?”), choose “Cover it” or “Leave uncovered” first. Uncertain regions: {count}.</source>
        <translation>Ar gyfer pob ardal ansicr (amlinell doredig, wedi&apos;i marcio “?”), dewiswch “Ei chuddio” neu “Ei gadael heb ei chuddio” yn gyntaf. Ardaloedd ansicr: {count}.</translation>
    </message>
    <message>
        <source>Prepare a photo first (step 1), then describe it and confirm the checks here.</source>
        <translation>Paratowch lun yn gyntaf (cam 1), yna disgrifiwch ef a chadarnhewch y gwiriadau yma.</translation>
    </message>
    <message>
        <source>Faces: confirmed by {name}, {when}.</source>
        <translation>Wynebau: wedi&apos;u cadarnhau gan {name}, {when}.</translation>
    </message>
    <message>
        <source>Consent: confirmed by {name}, {when}.</source>
        <translation>Caniatâd: wedi&apos;i gadarnhau gan {name}, {when}.</translation>
    </message>
    <message>
        <source>I have checked every &amp;face in this photo</source>
        <translation>Rwyf wedi gwirio pob &amp;wyneb yn y llun hwn</translation>
    </message>
    <message>
        <source>Not sure if a face (dashed outline marked “?”): {count}. Choose each, then “Cover it” or “Leave uncovered”.</source>
        <translation>Ansicr ai wyneb (amlinell doredig wedi&apos;i marcio “?”): {count}. Dewiswch bob un, yna “Ei chuddio” neu “Ei gadael heb ei chuddio”.</translation>
    </message>
    <message>
        <source>Covered: “{text}”</source>
        <translation>Wedi&apos;i guddio: “{text}”</translation>
    </message>
    <message>
        <source>Name: “{text}”</source>
        <translation>Enw: “{text}”</translation>
    </message>
    <message>
        <source>May be a name: “{text}”</source>
        <translation>Gall fod yn enw: “{text}”</translation>
    </message>
    <message>
        <source>Confirm that you looked at the prepared photo and every face is covered, or may be shown. Your name is recorded.</source>
        <translation>Cadarnhewch eich bod wedi edrych ar y llun wedi&apos;i baratoi a bod pob wyneb wedi&apos;i guddio, neu fod caniatâd i&apos;w ddangos. Caiff eich enw ei gofnodi.</translation>
    </message>
    <message>
        <source>Every child shown has photo &amp;consent</source>
        <translation>Mae gan bob plentyn yn y llun &amp;ganiatâd llun</translation>
    </message>
    <message>
        <source>Confirm against the school&apos;s consent list that every child who can be seen may appear on the school&apos;s account. Your name is recorded.</source>
        <translation>Cadarnhewch, drwy wirio rhestr ganiatâd yr ysgol, fod caniatâd i bob plentyn y gellir ei weld ymddangos ar gyfrif yr ysgol. Caiff eich enw ei gofnodi.</translation>
    </message>
    <message>
        <source>Possible children&apos;s names in the description</source>
        <translation>Enwau plant posibl yn y disgrifiad</translation>
    </message>
    <message>
        <source>D&amp;escription (alt text), required:</source>
        <translation>D&amp;isgrifiad (testun amgen), gofynnol:</translation>
    </message>
    <message>
        <source>Photos ({patterns});;All files (*)</source>
        <translation>Lluniau ({patterns});;Pob ffeil (*)</translation>
    </message>
    <message>
        <source>Open photos</source>
        <translation>Agor lluniau</translation>
    </message>
    <message>
        <source>{name} could not be opened.</source>
        <translation>Nid oedd modd agor {name}.</translation>
    </message>
    <message>
        <source>Photos opened: {opened}. Could not be opened: {failed}.</source>
        <translation>Lluniau a agorwyd: {opened}. Nid oedd modd agor: {failed}.</translation>
    </message>
    <message>
        <source>Photos opened: {opened}.</source>
        <translation>Lluniau a agorwyd: {opened}.</translation>
    </message>
    <message>
        <source>⚠ Finding faces was stopped. Photos not checked for faces: {count}. Choose each one and press “Look for faces now”, or untick “Look for faces in this photo” and cover every face by hand.</source>
        <translation>⚠ Cafodd y chwilio am wynebau ei stopio. Lluniau heb eu gwirio am wynebau: {count}. Dewiswch bob un a phwyswch “Chwilio am wynebau nawr”, neu dad-diciwch “Chwilio am wynebau yn y llun hwn” a chuddiwch bob wyneb â llaw.</translation>
    </message>
    <message>
        <source>Stopping after the photo in hand…</source>
        <translation>Yn stopio ar ôl y llun presennol…</translation>
    </message>
    <message>
        <source>Finding faces and text: {done} of {total}</source>
        <translation>Chwilio am wynebau a thestun: {done} o {total}</translation>
    </message>
    <message>
        <source>{name}: the text in the photo could not be read. {error}</source>
        <translation>{name}: doedd dim modd darllen y testun yn y llun. {error}</translation>
    </message>
    <message>
        <source>{name}: faces could not be looked for. {error}</source>
        <translation>{name}: nid oedd modd chwilio am wynebau. {error}</translation>
    </message>
    <message>
        <source>Prepared size: {width} × {height} px</source>
        <translation>Maint wedi&apos;i baratoi: {width} × {height} px</translation>
    </message>
    <message>
        <source>&amp;Prepare again</source>
        <translation>&amp;Paratoi eto</translation>
    </message>
    <message>
        <source>Changed since it was prepared: press “Prepare again”. The face and consent checks will need confirming again.</source>
        <translation>Wedi newid ers ei baratoi: pwyswch “Paratoi eto”. Bydd angen cadarnhau&apos;r gwiriadau wynebau a chaniatâd eto.</translation>
    </message>
    <message>
        <source>Open a photo to start.</source>
        <translation>Agorwch lun i ddechrau.</translation>
    </message>
    <message>
        <source>This photo could not be opened: choose another.</source>
        <translation>Nid oedd modd agor y llun hwn: dewiswch un arall.</translation>
    </message>
    <message>
        <source>Opening the photo…</source>
        <translation>Yn agor y llun…</translation>
    </message>
    <message>
        <source>Preparing…</source>
        <translation>Yn paratoi…</translation>
    </message>
    <message>
        <source>Faces were not looked for in this photo (stopped, or the search failed): look for faces in it now</source>
        <translation>Nid yw&apos;r llun hwn wedi cael ei wirio am wynebau (cafodd y chwilio ei stopio, neu fe fethodd): chwiliwch am wynebau ynddo nawr</translation>
    </message>
    <message>
        <source>Faces have not been looked for: press “Look for faces now”, or untick “Look for faces in this photo” and cover every face by hand.</source>
        <translation>Nid yw&apos;r llun wedi cael ei wirio am wynebau: pwyswch “Chwilio am wynebau nawr”, neu dad-diciwch “Chwilio am wynebau yn y llun hwn” a chuddiwch bob wyneb â llaw.</translation>
    </message>
    <message>
        <source>Faces could not be looked for: press “Look for faces now” to try again, or untick “Look for faces in this photo” and cover every face by hand.</source>
        <translation>Doedd dim modd chwilio am wynebau: pwyswch “Chwilio am wynebau nawr” i roi cynnig arall arni, neu dad-diciwch “Chwilio am wynebau yn y llun hwn” a chuddiwch bob wyneb â llaw.</translation>
    </message>
    <message>
        <source>Still looking for faces…</source>
        <translation>Yn dal i chwilio am wynebau…</translation>
    </message>
    <message>
        <source>The text in this photo has not been read: press “Read the text now”.</source>
        <translation>Nid yw&apos;r testun yn y llun hwn wedi cael ei ddarllen: pwyswch “Darllen y testun nawr”.</translation>
    </message>
    <message>
        <source>The text in this photo could not be read, so it cannot be checked for pupils&apos; names: press “Read the text now” to try again.</source>
        <translation>Doedd dim modd darllen y testun yn y llun hwn, felly does dim modd ei wirio am enwau disgyblion: pwyswch “Darllen y testun nawr” i roi cynnig arall arni.</translation>
    </message>
    <message>
        <source>Still reading the text in the photo…</source>
        <translation>Yn dal i ddarllen y testun yn y llun…</translation>
    </message>
    <message>
        <source>A pupil&apos;s name is written in the photo (outlined, marked “Name”): press “Cover names”, or crop it out. Names to cover: {count}.</source>
        <translation>Mae enw disgybl wedi&apos;i ysgrifennu yn y llun (ag amlinell, wedi&apos;i farcio “Enw”): pwyswch “Cuddio&apos;r enwau”, neu tociwch ef allan. Enwau i&apos;w cuddio: {count}.</translation>
    </message>
    <message>
        <source>Preparing the photo…</source>
        <translation>Yn paratoi&apos;r llun…</translation>
    </message>
    <message>
        <source>{name} is prepared. Describe it, then confirm the two checks so it can be attached.</source>
        <translation>Mae {name} wedi&apos;i baratoi. Disgrifiwch ef, yna cadarnhewch y ddau wiriad er mwyn gallu ei atodi.</translation>
    </message>
    <message>
        <source>{name} prepared.</source>
        <translation>{name} wedi&apos;i baratoi.</translation>
    </message>
    <message>
        <source>The photo could not be prepared: {error}</source>
        <translation>Nid oedd modd paratoi&apos;r llun: {error}</translation>
    </message>
    <message>
        <source>Prepare a photo to see it here.</source>
        <translation>Paratowch lun i&apos;w weld yma.</translation>
    </message>
    <message>
        <source>⚠ Not ready to attach yet: still needs {missing}.</source>
        <translation>⚠ Ddim yn barod i&apos;w atodi eto: mae angen {missing} o hyd.</translation>
    </message>
    <message>
        <source>✔ Ready to attach: the composer can add it to a tweet.</source>
        <translation>✔ Yn barod i&apos;w atodi: gellir ei ychwanegu at neges yn y tab Ysgrifennu.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Yn llwytho…</translation>
    </message>
    <message>
        <source>(preview unavailable)</source>
        <translation>(dim rhagolwg ar gael)</translation>
    </message>
    <message>
        <source>{count} / {limit} · too long</source>
        <translation>{count} / {limit} · rhy hir</translation>
    </message>
    <message>
        <source>{count} / {limit}</source>
        <translation>{count} / {limit}</translation>
    </message>
    <message>
        <source>Description saved, but {names} may be a pupil&apos;s name: describe what is happening instead (&quot;Year 4 dressed as astronauts&quot;). It cannot be posted as it is.</source>
        <translation>Cadwyd y disgrifiad, ond gall {names} fod yn enw disgybl: disgrifiwch beth sy&apos;n digwydd yn lle hynny (&quot;Blwyddyn 4 wedi gwisgo fel gofodwyr&quot;). Ni ellir ei bostio fel y mae.</translation>
    </message>
    <message>
        <source>Description saved.</source>
        <translation>Disgrifiad wedi&apos;i gadw.</translation>
    </message>
    <message>
        <source>Recorded: every face checked, by {name}.</source>
        <translation>Cofnodwyd: pob wyneb wedi&apos;i wirio, gan {name}.</translation>
    </message>
    <message>
        <source>Recorded: photo consent confirmed, by {name}.</source>
        <translation>Cofnodwyd: caniatâd llun wedi&apos;i gadarnhau, gan {name}.</translation>
    </message>
    <message>
        <source>Remove prepared photo?</source>
        <translation>Tynnu&apos;r llun wedi&apos;i baratoi?</translation>
    </message>
    <message>
        <source>Remove the prepared copy of {label} from the list? The original photo on the computer is not touched.</source>
        <translation>Tynnu&apos;r copi wedi&apos;i baratoi o {label} o&apos;r rhestr? Ni chaiff y llun gwreiddiol ar y cyfrifiadur ei newid.</translation>
    </message>
    <message>
        <source>{name} could not be opened ({error}). Choose another photo.</source>
        <translation>Nid oedd modd agor {name} ({error}). Dewiswch lun arall.</translation>
    </message>
    <message>
        <source>Waiting…</source>
        <translation>Yn aros…</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>Yn agor…</translation>
    </message>
    <message>
        <source>Looking for faces…</source>
        <translation>Yn chwilio am wynebau…</translation>
    </message>
    <message>
        <source>Reading the text…</source>
        <translation>Yn darllen y testun…</translation>
    </message>
    <message>
        <source>Changed since prepared</source>
        <translation>Wedi newid ers ei baratoi</translation>
    </message>
    <message>
        <source>Regions covered: {count}</source>
        <translation>Ardaloedd wedi&apos;u cuddio: {count}</translation>
    </message>
    <message>
        <source>Open photos to start: press “Open photos…” or drag them here from a folder. Each photo is checked for faces before you prepare it.</source>
        <translation>Agorwch luniau i ddechrau: pwyswch “Agor lluniau…” neu llusgwch nhw yma o ffolder. Caiff pob llun ei wirio am wynebau cyn i chi ei baratoi.</translation>
    </message>
    <message>
        <source>Opening {name}…</source>
        <translation>Yn agor {name}…</translation>
    </message>
    <message>
        <source>Face detection is off for this photo. Look at it yourself and cover any face with “Add region”.</source>
        <translation>Mae canfod wynebau wedi&apos;i ddiffodd ar gyfer y llun hwn. Edrychwch arno eich hun a chuddiwch unrhyw wyneb gydag “Ychwanegu ardal”.</translation>
    </message>
    <message>
        <source>Faces have not been looked for in this photo: finding faces was stopped. Press “Look for faces now”, or cover every face by hand with “Add region” and untick “Look for faces in this photo”.</source>
        <translation>Nid yw&apos;r llun hwn wedi cael ei wirio am wynebau: cafodd y chwilio am wynebau ei stopio. Pwyswch “Chwilio am wynebau nawr”, neu cuddiwch bob wyneb â llaw gydag “Ychwanegu ardal” a dad-diciwch “Chwilio am wynebau yn y llun hwn”.</translation>
    </message>
    <message>
        <source>No faces were found in this photo. Please look at the whole photo yourself: if you see a face, press “Add region” and drag over it.</source>
        <translation>Ni chafwyd hyd i unrhyw wynebau yn y llun hwn. Edrychwch ar y llun cyfan eich hun: os gwelwch wyneb, pwyswch “Ychwanegu ardal” a llusgwch drosto.</translation>
    </message>
    <message>
        <source>Faces found and covered: {count}.</source>
        <translation>Wynebau a ganfuwyd ac a guddiwyd: {count}.</translation>
    </message>
    <message>
        <source>Check that every face in the photo is covered.</source>
        <translation>Gwiriwch fod pob wyneb yn y llun wedi&apos;i guddio.</translation>
    </message>
    <message>
        <source>“{text}”</source>
        <translation>“{text}”</translation>
    </message>
    <message>
        <source>The text in this photo has not been read: reading was stopped. Press “Read the text now”.</source>
        <translation>Nid yw&apos;r testun yn y llun hwn wedi cael ei ddarllen: cafodd y darllen ei atal. Pwyswch “Darllen y testun nawr”.</translation>
    </message>
    <message>
        <source>The text in this photo could not be read, so it cannot be checked for pupils&apos; names. {error}</source>
        <translation>Doedd dim modd darllen y testun yn y llun hwn, felly does dim modd ei wirio am enwau disgyblion. {error}</translation>
    </message>
    <message>
        <source>Reading the text in the photo…</source>
        <translation>Yn darllen y testun yn y llun…</translation>
    </message>
    <message>
        <source>A pupil&apos;s name is written in this photo. Press “Cover names”, or crop it out. Names to cover: {count}.</source>
        <translation>Mae enw disgybl wedi&apos;i ysgrifennu yn y llun hwn. Pwyswch “Cuddio&apos;r enwau”, neu tociwch ef allan. Enwau i&apos;w cuddio: {count}.</translation>
    </message>
    <message>
        <source>No text was found in the photo. Small, handwritten or sideways writing can be missed: look yourself.</source>
        <translation>Ni chanfuwyd testun yn y llun. Gall ysgrifen fach, ysgrifen law neu ysgrifen ar ei hochr gael ei methu: edrychwch eich hun.</translation>
    </message>
    <message>
        <source>No pupil list has been imported, so the text cannot be checked for names. Read every line below.</source>
        <translation>Nid oes rhestr ddisgyblion wedi&apos;i mewnforio, felly does dim modd gwirio&apos;r testun am enwau. Darllenwch bob llinell isod.</translation>
    </message>
    <message>
        <source>Read every line below before posting: a surname on its own or handwriting may still name a child.</source>
        <translation>Darllenwch bob llinell isod cyn postio: gall cyfenw ar ei ben ei hun neu ysgrifen law enwi plentyn o hyd.</translation>
    </message>
    <message>
        <source>Still needs {missing}</source>
        <translation>Angen {missing} o hyd</translation>
    </message>
    <message>
        <source>✔ Ready to attach</source>
        <translation>✔ Yn barod i&apos;w atodi</translation>
    </message>
    <message>
        <source>No description yet</source>
        <translation>Dim disgrifiad eto</translation>
    </message>
    <message>
        <source>{width} × {height} px {kind}, {size}. Regions covered: {count}. Prepared by {name}.</source>
        <translation>{width} × {height} px {kind}, {size}. Ardaloedd wedi&apos;u cuddio: {count}. Paratowyd gan {name}.</translation>
    </message>
    <message>
        <source>Removed from the file:</source>
        <translation>Tynnwyd o&apos;r ffeil:</translation>
    </message>
    <message>
        <source>The file carried no hidden information (camera, date, place) to remove.</source>
        <translation>Nid oedd gan y ffeil unrhyw wybodaeth gudd (camera, dyddiad, lleoliad) i&apos;w thynnu.</translation>
    </message>
</context>
<context>
    <name>PictureTile</name>
    <message>
        <source>Preparing the blurred picture…</source>
        <translation>Wrthi&apos;n paratoi&apos;r llun aneglur…</translation>
    </message>
    <message>
        <source>Not downloaded: look at the reply on X</source>
        <translation>Heb ei lwytho i lawr: edrychwch ar yr ateb ar X</translation>
    </message>
    <message>
        <source>Picture {number}, blurred</source>
        <translation>Llun {number}, yn aneglur</translation>
    </message>
    <message>
        <source>Show picture</source>
        <translation>Dangos y llun</translation>
    </message>
    <message>
        <source>Shows this picture unblurred; who looked is recorded in the audit log</source>
        <translation>Yn dangos y llun hwn yn glir; caiff pwy edrychodd ei gofnodi yn y log archwilio</translation>
    </message>
    <message>
        <source>The picture could not be shown</source>
        <translation>Doedd dim modd dangos y llun</translation>
    </message>
    <message>
        <source>Blur again</source>
        <translation>Gwneud yn aneglur eto</translation>
    </message>
    <message>
        <source>Picture, shown</source>
        <translation>Llun, wedi&apos;i ddangos</translation>
    </message>
    <message>
        <source>Picture, blurred</source>
        <translation>Llun, yn aneglur</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Sign in</source>
        <translation>Mewngofnodi</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Type your PIN with the keyboard or the buttons below; the digits stay hidden</source>
        <translation>Teipiwch eich PIN gyda&apos;r bysellfwrdd neu&apos;r botymau isod; mae&apos;r digidau&apos;n aros yn gudd</translation>
    </message>
    <message>
        <source>Delete the last digit</source>
        <translation>Dileu&apos;r digid olaf</translation>
    </message>
    <message>
        <source>Digit {digit}</source>
        <translation>Digid {digit}</translation>
    </message>
</context>
<context>
    <name>Pins</name>
    <message>
        <source>Enter a PIN of at least {count} digits.</source>
        <translation>Rhowch PIN o {count} digid o leiaf.</translation>
    </message>
    <message>
        <source>A PIN may only contain the digits 0 to 9.</source>
        <translation>Dim ond y digidau 0 i 9 all fod mewn PIN.</translation>
    </message>
    <message>
        <source>A PIN needs at least {count} digits.</source>
        <translation>Mae angen o leiaf {count} digid mewn PIN.</translation>
    </message>
    <message>
        <source>A PIN cannot be the same digit over and over. Choose something harder to guess.</source>
        <translation>Ni all PIN fod yr un digid drosodd a throsodd. Dewiswch rywbeth anoddach ei ddyfalu.</translation>
    </message>
    <message>
        <source>A PIN cannot be a run of digits like 123456 or 654321. Choose something harder.</source>
        <translation>Ni all PIN fod yn gyfres o ddigidau fel 123456 neu 654321. Dewiswch rywbeth anoddach.</translation>
    </message>
    <message>
        <source>This PIN is locked after {count} wrong tries in a row. The head teacher can unlock it.</source>
        <translation>Mae&apos;r PIN hwn wedi&apos;i gloi ar ôl {count} cynnig anghywir yn olynol. Gall y pennaeth ei ddatgloi.</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Try again in {wait}.</source>
        <translation>Gormod o gynigion PIN anghywir. Rhowch gynnig arall ymhen {wait}.</translation>
    </message>
    <message>
        <source>{count} second</source>
        <translation>{count} eiliad</translation>
    </message>
    <message>
        <source>{count} seconds</source>
        <translation>{count} eiliad</translation>
    </message>
    <message>
        <source>{count} minute</source>
        <translation>{count} munud</translation>
    </message>
    <message>
        <source>{count} minutes</source>
        <translation>{count} munud</translation>
    </message>
</context>
<context>
    <name>PolicyReview</name>
    <message>
        <source>Choose a review interval between 1 and {count} months.</source>
        <translation>Dewiswch gyfnod adolygu rhwng 1 a {count} mis.</translation>
    </message>
    <message>
        <source>The adoption date cannot be in the future.</source>
        <translation>Ni all y dyddiad mabwysiadu fod yn y dyfodol.</translation>
    </message>
    <message>
        <source>The date the governors adopted the school&apos;s Twitter policy is not set yet. Enter it and save: the review reminder is worked out from it.</source>
        <translation>Nid yw&apos;r dyddiad y mabwysiadodd y llywodraethwyr bolisi Twitter yr ysgol wedi&apos;i osod eto. Rhowch ef a&apos;i gadw: mae&apos;r nodyn atgoffa i adolygu yn cael ei gyfrifo ohono.</translation>
    </message>
    <message>
        <source>Set the date the governors adopted the school&apos;s Twitter policy.</source>
        <translation>Gosodwch y dyddiad y mabwysiadodd y llywodraethwyr bolisi Twitter yr ysgol.</translation>
    </message>
    <message>
        <source>Ask the Teaching &amp; Learning committee to review it, then record the date the governors adopted it in Settings.</source>
        <translation>Gofynnwch i&apos;r pwyllgor Addysgu &amp; Dysgu ei adolygu, yna cofnodwch yn y Gosodiadau y dyddiad y gwnaeth y llywodraethwyr ei fabwysiadu.</translation>
    </message>
    <message>
        <source>The school&apos;s Twitter policy was due for review on {date} and is overdue. {action}</source>
        <translation>Roedd polisi Twitter yr ysgol i fod i gael ei adolygu ar {date}, ac mae&apos;r adolygiad yn hwyr. {action}</translation>
    </message>
    <message>
        <source>The school&apos;s Twitter policy is due for review on {date} ({when}). {action}</source>
        <translation>Mae polisi Twitter yr ysgol i fod i gael ei adolygu ar {date} ({when}). {action}</translation>
    </message>
    <message>
        <source>The school&apos;s Twitter policy was adopted on {adopted}; its next review is due on {date}.</source>
        <translation>Cafodd polisi Twitter yr ysgol ei fabwysiadu ar {adopted}; mae&apos;r adolygiad nesaf i fod ar {date}.</translation>
    </message>
    <message>
        <source>The Twitter policy&apos;s review was due on {date}.</source>
        <translation>Roedd adolygiad y polisi Twitter i fod ar {date}.</translation>
    </message>
    <message>
        <source>The Twitter policy&apos;s review is due on {date} ({when}).</source>
        <translation>Mae adolygiad y polisi Twitter i fod ar {date} ({when}).</translation>
    </message>
    <message>
        <source>today</source>
        <translation>heddiw</translation>
    </message>
    <message>
        <source>in {count} day</source>
        <translation>ymhen {count} diwrnod</translation>
    </message>
    <message>
        <source>in {count} days</source>
        <translation>ymhen {count} diwrnod</translation>
    </message>
</context>
<context>
    <name>PolicyTab</name>
    <message>
        <source>The school&apos;s Twitter policy</source>
        <translation>Polisi Twitter yr ysgol</translation>
    </message>
    <message>
        <source>How the app keeps to the policy</source>
        <translation>Sut mae&apos;r ap yn cadw at y polisi</translation>
    </message>
    <message>
        <source>Load the school&apos;s policy file…</source>
        <translation>Llwytho ffeil polisi&apos;r ysgol…</translation>
    </message>
    <message>
        <source>Choose a plain-text (.txt) copy of the policy the governors adopted; it is kept in the app&apos;s data folder and shown here for every member of staff</source>
        <translation>Dewiswch gopi testun plaen (.txt) o&apos;r polisi a fabwysiadwyd gan y llywodraethwyr; caiff ei gadw yn ffolder data&apos;r ap a&apos;i ddangos yma i bob aelod o staff</translation>
    </message>
    <message>
        <source>&lt;b&gt;No child&apos;s name.&lt;/b&gt; Every tweet and photo description is checked against the school&apos;s pupil list before it can be posted.</source>
        <translation>&lt;b&gt;Dim enw plentyn.&lt;/b&gt; Mae pob neges a phob disgrifiad llun yn cael eu gwirio yn erbyn rhestr ddisgyblion yr ysgol cyn y gellir eu postio.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Only named staff tweet.&lt;/b&gt; Each person signs in with their own PIN; every action is recorded with their name.</source>
        <translation>&lt;b&gt;Dim ond staff a enwir sy&apos;n postio negeseuon.&lt;/b&gt; Mae pob person yn mewngofnodi gyda&apos;i PIN ei hun; mae pob gweithred yn cael ei chofnodi gyda&apos;i enw.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Passwords stay with the head teacher.&lt;/b&gt; The X account&apos;s keys live only in this computer&apos;s secure password store, and changing them needs the head-teacher PIN.</source>
        <translation>&lt;b&gt;Mae&apos;r cyfrineiriau&apos;n aros gyda&apos;r pennaeth.&lt;/b&gt; Dim ond yn storfa gyfrineiriau ddiogel y cyfrifiadur hwn y mae allweddi cyfrif X yn cael eu cadw, ac mae angen PIN y pennaeth i&apos;w newid.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Registered computers only.&lt;/b&gt; Tweets go out only from computers the head has registered, or during a time-limited exception for a trip or match.</source>
        <translation>&lt;b&gt;Cyfrifiaduron cofrestredig yn unig.&lt;/b&gt; Dim ond o gyfrifiaduron y mae&apos;r pennaeth wedi&apos;u cofrestru y mae negeseuon yn mynd allan, neu yn ystod eithriad â therfyn amser ar gyfer trip neu gêm.</translation>
    </message>
    <message>
        <source>&lt;b&gt;The account follows no one and sends no private messages.&lt;/b&gt; The app offers neither, and warns if the account ever drifts.</source>
        <translation>&lt;b&gt;Nid yw&apos;r cyfrif yn dilyn neb nac yn anfon negeseuon preifat.&lt;/b&gt; Nid yw&apos;r ap yn cynnig y naill na&apos;r llall, ac mae&apos;n rhybuddio os bydd y cyfrif byth yn crwydro oddi wrth hyn.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Followers and replies are watched.&lt;/b&gt; The head and the e-safety leader review followers and replies; every hide, mute and block is recorded.</source>
        <translation>&lt;b&gt;Mae dilynwyr ac atebion yn cael eu gwylio.&lt;/b&gt; Mae&apos;r pennaeth a&apos;r arweinydd e-ddiogelwch yn adolygu dilynwyr ac atebion; mae pob cuddio, tewi a rhwystro yn cael ei gofnodi.</translation>
    </message>
    <message>
        <source>No policy loaded yet. Use “Load the school&apos;s policy file…” to show the school&apos;s own Twitter policy here for every member of staff.</source>
        <translation>Dim polisi wedi&apos;i lwytho eto. Defnyddiwch “Llwytho ffeil polisi&apos;r ysgol…” i ddangos polisi Twitter yr ysgol ei hun yma i bob aelod o staff.</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>Ffeiliau testun (*.txt);;Pob ffeil (*)</translation>
    </message>
    <message>
        <source>Could not open {file}: {reason}. Check the file is not open in another program and try again.</source>
        <translation>Nid oedd modd agor {file}: {reason}. Gwiriwch nad yw&apos;r ffeil ar agor mewn rhaglen arall a rhowch gynnig arall.</translation>
    </message>
    <message>
        <source>{file} is not a plain-text policy. Save the policy as a .txt file and load that.</source>
        <translation>Nid yw {file} yn bolisi testun plaen. Cadwch y polisi fel ffeil .txt a llwythwch honno.</translation>
    </message>
    <message>
        <source>Loaded {file}.</source>
        <translation>Wedi llwytho {file}.</translation>
    </message>
</context>
<context>
    <name>Posting</name>
    <message>
        <source>The photos cannot be checked on this computer, so the tweet is not sent.</source>
        <translation>Does dim modd gwirio&apos;r lluniau ar y cyfrifiadur hwn, felly nid yw&apos;r neges yn cael ei hanfon.</translation>
    </message>
    <message>
        <source>A photo attached to this tweet is no longer ready ({reason}). Remove it and attach it again.</source>
        <translation>Nid yw llun sydd wedi&apos;i atodi i&apos;r neges hon yn barod mwyach ({reason}). Tynnwch ef a&apos;i atodi eto.</translation>
    </message>
    <message>
        <source>Not posted: the pre-flight check blocks it ({checks}). The tweet is still here to edit.</source>
        <translation>Heb ei phostio: mae&apos;r gwiriad cyn postio yn ei hatal ({checks}). Mae&apos;r neges yma o hyd i&apos;w golygu.</translation>
    </message>
    <message>
        <source>Not posted: X or the photo checks would refuse this tweet as it is ({checks}), so it cannot be overridden. Change it first.</source>
        <translation>Heb ei phostio: byddai X neu&apos;r gwiriadau lluniau yn gwrthod y neges hon fel y mae ({checks}), felly does dim modd diystyru hynny. Newidiwch hi yn gyntaf.</translation>
    </message>
    <message>
        <source>This computer cannot be identified, so it may not post.</source>
        <translation>Does dim modd adnabod y cyfrifiadur hwn, felly ni chaiff bostio.</translation>
    </message>
</context>
<context>
    <name>Preflight</name>
    <message>
        <source>Children&apos;s names</source>
        <translation>Enwau plant</translation>
    </message>
    <message>
        <source>No pupil list has been imported, so names cannot be checked. Read the post again for any child&apos;s name.</source>
        <translation>Nid oes rhestr ddisgyblion wedi&apos;i mewnforio, felly does dim modd gwirio enwau. Darllenwch y neges eto rhag ofn bod enw plentyn ynddi.</translation>
    </message>
    <message>
        <source>Names in photo descriptions</source>
        <translation>Enwau yn nisgrifiadau&apos;r lluniau</translation>
    </message>
    <message>
        <source>No pupil list has been imported, so photo descriptions cannot be checked for names.</source>
        <translation>Nid oes rhestr ddisgyblion wedi&apos;i mewnforio, felly does dim modd gwirio disgrifiadau&apos;r lluniau am enwau.</translation>
    </message>
    <message>
        <source>The pupil list was imported by an older version of St Peter&apos;s Desk, which cannot recognise names written in disguise (look-alike letters, other spellings, names run together). Import the pupil list again in Settings before posting.</source>
        <translation>Mewnforiwyd y rhestr ddisgyblion gan fersiwn hŷn o St Peter&apos;s Desk, nad yw&apos;n gallu adnabod enwau wedi&apos;u cuddio (llythrennau sy&apos;n edrych yr un fath, sillafiadau eraill, enwau wedi&apos;u rhedeg ynghyd). Mewnforiwch y rhestr ddisgyblion eto yn y Gosodiadau cyn postio.</translation>
    </message>
    <message>
        <source>Hidden characters</source>
        <translation>Nodau cudd</translation>
    </message>
    <message>
        <source>the post</source>
        <translation>y neges</translation>
    </message>
    <message>
        <source>No characters that change the order text is displayed in.</source>
        <translation>Dim nodau sy&apos;n newid y drefn y dangosir testun ynddi.</translation>
    </message>
    <message>
        <source>Characters that change the order text is displayed in were found in: {places}. Words can then show differently from how they were typed. Delete them (retype the text, or paste it as plain text).</source>
        <translation>Cafwyd nodau sy&apos;n newid y drefn y dangosir testun ynddi yn: {places}. Gall geiriau wedyn ymddangos yn wahanol i sut y cawsant eu teipio. Dilëwch nhw (teipiwch y testun eto, neu ei ludo fel testun plaen).</translation>
    </message>
    <message>
        <source>No pupils&apos; names found in the photo descriptions.</source>
        <translation>Ni chanfuwyd enwau disgyblion yn nisgrifiadau&apos;r lluniau.</translation>
    </message>
    <message>
        <source>No pupils&apos; names found in the post.</source>
        <translation>Ni chanfuwyd enwau disgyblion yn y neges.</translation>
    </message>
    <message>
        <source>{names} in the photo descriptions may be pupils&apos; names. The policy says a child&apos;s name is never shown: describe the achievement instead (&quot;Year 4 wrote brilliant poems&quot;).</source>
        <translation>Gallai {names} yn nisgrifiadau&apos;r lluniau fod yn enwau disgyblion. Mae&apos;r polisi&apos;n dweud na ddangosir enw plentyn byth: disgrifiwch y cyflawniad yn lle hynny (&quot;Ysgrifennodd Blwyddyn 4 gerddi gwych&quot;).</translation>
    </message>
    <message>
        <source>{names} in the photo descriptions may be a pupil&apos;s name. The policy says a child&apos;s name is never shown: describe the achievement instead (&quot;Year 4 wrote brilliant poems&quot;).</source>
        <translation>Gallai {names} yn nisgrifiadau&apos;r lluniau fod yn enw disgybl. Mae&apos;r polisi&apos;n dweud na ddangosir enw plentyn byth: disgrifiwch y cyflawniad yn lle hynny (&quot;Ysgrifennodd Blwyddyn 4 gerddi gwych&quot;).</translation>
    </message>
    <message>
        <source>{names} in the post may be pupils&apos; names. The policy says a child&apos;s name is never shown: describe the achievement instead (&quot;Year 4 wrote brilliant poems&quot;).</source>
        <translation>Gallai {names} yn y neges fod yn enwau disgyblion. Mae&apos;r polisi&apos;n dweud na ddangosir enw plentyn byth: disgrifiwch y cyflawniad yn lle hynny (&quot;Ysgrifennodd Blwyddyn 4 gerddi gwych&quot;).</translation>
    </message>
    <message>
        <source>{names} in the post may be a pupil&apos;s name. The policy says a child&apos;s name is never shown: describe the achievement instead (&quot;Year 4 wrote brilliant poems&quot;).</source>
        <translation>Gallai {names} yn y neges fod yn enw disgybl. Mae&apos;r polisi&apos;n dweud na ddangosir enw plentyn byth: disgrifiwch y cyflawniad yn lle hynny (&quot;Ysgrifennodd Blwyddyn 4 gerddi gwych&quot;).</translation>
    </message>
    <message>
        <source>{names} in the photo descriptions are also pupils&apos; names. Fine if the words mean something else; check before posting.</source>
        <translation>Mae {names} yn nisgrifiadau&apos;r lluniau hefyd yn enwau disgyblion. Mae hynny&apos;n iawn os yw&apos;r geiriau&apos;n golygu rhywbeth arall; gwiriwch cyn postio.</translation>
    </message>
    <message>
        <source>{names} in the photo descriptions is also a pupil&apos;s name. Fine if the words mean something else; check before posting.</source>
        <translation>Mae {names} yn nisgrifiadau&apos;r lluniau hefyd yn enw disgybl. Mae hynny&apos;n iawn os yw&apos;r geiriau&apos;n golygu rhywbeth arall; gwiriwch cyn postio.</translation>
    </message>
    <message>
        <source>{names} in the post are also pupils&apos; names. Fine if the words mean something else; check before posting.</source>
        <translation>Mae {names} yn y neges hefyd yn enwau disgyblion. Mae hynny&apos;n iawn os yw&apos;r geiriau&apos;n golygu rhywbeth arall; gwiriwch cyn postio.</translation>
    </message>
    <message>
        <source>{names} in the post is also a pupil&apos;s name. Fine if the words mean something else; check before posting.</source>
        <translation>Mae {names} yn y neges hefyd yn enw disgybl. Mae hynny&apos;n iawn os yw&apos;r geiriau&apos;n golygu rhywbeth arall; gwiriwch cyn postio.</translation>
    </message>
    <message>
        <source>Photo {number}</source>
        <translation>Llun {number}</translation>
    </message>
    <message>
        <source>{photo}: {problem}</source>
        <translation>{photo}: {problem}</translation>
    </message>
    <message>
        <source>No photos attached.</source>
        <translation>Dim lluniau ynghlwm.</translation>
    </message>
    <message>
        <source>Faces and consent</source>
        <translation>Wynebau a chaniatâd</translation>
    </message>
    <message>
        <source>Every photo needs its faces reviewed and every child in it confirmed as having photo consent before it is posted.</source>
        <translation>Cyn postio unrhyw lun, rhaid adolygu ei wynebau a chadarnhau bod gan bob plentyn sydd ynddo ganiatâd lluniau.</translation>
    </message>
    <message>
        <source>Every photo&apos;s faces are reviewed and consent is confirmed.</source>
        <translation>Mae wynebau pob llun wedi&apos;u hadolygu ac mae&apos;r caniatâd wedi&apos;i gadarnhau.</translation>
    </message>
    <message>
        <source>Names written in photos</source>
        <translation>Enwau wedi&apos;u hysgrifennu mewn lluniau</translation>
    </message>
    <message>
        <source>The text written in a photo has not been checked for pupils&apos; names. Prepare the photo again on the Photos tab.</source>
        <translation>Nid yw&apos;r testun sydd wedi&apos;i ysgrifennu mewn llun wedi cael ei wirio am enwau disgyblion. Paratowch y llun eto ar y tab Lluniau.</translation>
    </message>
    <message>
        <source>The text in every photo was read and any pupil&apos;s name in it covered.</source>
        <translation>Cafodd y testun ym mhob llun ei ddarllen a chafodd unrhyw enw disgybl ynddo ei guddio.</translation>
    </message>
    <message>
        <source>faces not reviewed and photo consent not confirmed</source>
        <translation>wynebau heb eu hadolygu a chaniatâd lluniau heb ei gadarnhau</translation>
    </message>
    <message>
        <source>faces not reviewed</source>
        <translation>wynebau heb eu hadolygu</translation>
    </message>
    <message>
        <source>photo consent not confirmed</source>
        <translation>caniatâd lluniau heb ei gadarnhau</translation>
    </message>
    <message>
        <source>Photo descriptions</source>
        <translation>Disgrifiadau&apos;r lluniau</translation>
    </message>
    <message>
        <source>{count} characters (X allows {limit})</source>
        <translation>{count} nod (mae X yn caniatáu {limit})</translation>
    </message>
    <message>
        <source>A photo description is longer than X accepts; shorten it.</source>
        <translation>Mae disgrifiad llun yn hirach nag y mae X yn ei dderbyn; byrhewch ef.</translation>
    </message>
    <message>
        <source>Add a short description to every photo, so families who use screen readers know what it shows.</source>
        <translation>Ychwanegwch ddisgrifiad byr at bob llun, fel bod teuluoedd sy&apos;n defnyddio darllenwyr sgrin yn gwybod beth mae&apos;n ei ddangos.</translation>
    </message>
    <message>
        <source>Every photo has a description.</source>
        <translation>Mae gan bob llun ddisgrifiad.</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Hyd</translation>
    </message>
    <message>
        <source>The post is empty.</source>
        <translation>Mae&apos;r neges yn wag.</translation>
    </message>
    <message>
        <source>The post contains a character X does not accept; retype it.</source>
        <translation>Mae&apos;r neges yn cynnwys nod nad yw X yn ei dderbyn; teipiwch ef eto.</translation>
    </message>
    <message>
        <source>{length} of {limit} characters.</source>
        <translation>{length} o {limit} nod.</translation>
    </message>
    <message>
        <source>The post is {over} character too long for X ({length} of {limit}).</source>
        <translation>Mae&apos;r neges {over} nod yn rhy hir i X ({length} o {limit}).</translation>
    </message>
    <message>
        <source>The post is {over} characters too long for X ({length} of {limit}).</source>
        <translation>Mae&apos;r neges {over} nod yn rhy hir i X ({length} o {limit}).</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Dolenni</translation>
    </message>
    <message>
        <source>No links.</source>
        <translation>Dim dolenni.</translation>
    </message>
    <message>
        <source>The post has a link. On X&apos;s pay-per-use plan a post with a link costs about {factor} times as much as one without; leave it out unless it is needed (the newsletter can carry it).</source>
        <translation>Mae dolen yn y neges. Ar gynllun talu wrth ddefnyddio X, mae neges gyda dolen yn costio tua {factor} gwaith cymaint ag un heb ddolen; gadewch hi allan oni bai bod ei hangen (gall y cylchlythyr ei chynnwys).</translation>
    </message>
    <message>
        <source>The post has {count} links. On X&apos;s pay-per-use plan a post with a link costs about {factor} times as much as one without; leave it out unless it is needed (the newsletter can carry it).</source>
        <translation>Mae {count} dolen yn y neges. Ar gynllun talu wrth ddefnyddio X, mae neges gyda dolen yn costio tua {factor} gwaith cymaint ag un heb ddolen; gadewch nhw allan oni bai bod eu hangen (gall y cylchlythyr eu cynnwys).</translation>
    </message>
    <message>
        <source>Mentions</source>
        <translation>Crybwylliadau</translation>
    </message>
    <message>
        <source>No other accounts mentioned.</source>
        <translation>Dim cyfrifon eraill wedi&apos;u crybwyll.</translation>
    </message>
    <message>
        <source>Only accounts the school has approved are mentioned.</source>
        <translation>Dim ond cyfrifon y mae&apos;r ysgol wedi&apos;u cymeradwyo sy&apos;n cael eu crybwyll.</translation>
    </message>
    <message>
        <source>The post mentions {handles}. They will be told and can reply publicly. The school does not enter private conversations: mention organisations (a museum, the council), and look twice before mentioning an individual.</source>
        <translation>Mae&apos;r neges yn crybwyll {handles}. Byddan nhw&apos;n cael gwybod a gallan nhw ateb yn gyhoeddus. Nid yw&apos;r ysgol yn cymryd rhan mewn sgyrsiau preifat: crybwyllwch sefydliadau (amgueddfa, y cyngor), a meddyliwch ddwywaith cyn crybwyll unigolyn.</translation>
    </message>
    <message>
        <source>Places and times</source>
        <translation>Lleoedd ac amseroedd</translation>
    </message>
    <message>
        <source>Nothing says where children are or will be.</source>
        <translation>Does dim byd yn dweud ble mae plant nac ymhle y byddan nhw.</translation>
    </message>
    <message>
        <source>{words} may tell strangers where children are, or will be. Consider posting once the class is back, or leaving the place out.</source>
        <translation>Gallai {words} ddweud wrth ddieithriaid ble mae plant, neu ble y byddan nhw. Ystyriwch bostio ar ôl i&apos;r dosbarth ddod yn ôl, neu adael y lle allan.</translation>
    </message>
    <message>
        <source>Who can reply</source>
        <translation>Pwy sy&apos;n gallu ateb</translation>
    </message>
    <message>
        <source>Anyone on X will be able to reply. The head teacher or e-safety leader should watch the replies to this post.</source>
        <translation>Bydd unrhyw un ar X yn gallu ateb. Dylai&apos;r pennaeth neu&apos;r arweinydd e-ddiogelwch gadw llygad ar yr atebion i&apos;r neges hon.</translation>
    </message>
    <message>
        <source>Replies are off: only accounts the school follows can reply, and it follows none.</source>
        <translation>Mae atebion wedi&apos;u diffodd: dim ond cyfrifon y mae&apos;r ysgol yn eu dilyn sy&apos;n gallu ateb, ac nid yw&apos;n dilyn yr un.</translation>
    </message>
    <message>
        <source>The {count} accounts the school follows can reply. The policy says the school follows no one.</source>
        <translation>Mae&apos;r {count} cyfrif y mae&apos;r ysgol yn eu dilyn yn gallu ateb. Mae&apos;r polisi&apos;n dweud nad yw&apos;r ysgol yn dilyn neb.</translation>
    </message>
    <message>
        <source>Replies are off: only accounts mentioned can reply, and the post mentions none.</source>
        <translation>Mae atebion wedi&apos;u diffodd: dim ond cyfrifon sy&apos;n cael eu crybwyll sy&apos;n gallu ateb, ac nid yw&apos;r neges yn crybwyll yr un.</translation>
    </message>
    <message>
        <source>Only the accounts mentioned can reply: {handles}.</source>
        <translation>Dim ond y cyfrifon a grybwyllir sy&apos;n gallu ateb: {handles}.</translation>
    </message>
    <message>
        <source>{items} and {last}</source>
        <translation>{items} a {last}</translation>
    </message>
</context>
<context>
    <name>PreflightDialog</name>
    <message>
        <source>✔ OK</source>
        <translation>✔ Iawn</translation>
    </message>
    <message>
        <source>⚠ Check</source>
        <translation>⚠ Gwiriwch</translation>
    </message>
    <message>
        <source>✖ Blocked</source>
        <translation>✖ Wedi&apos;i rwystro</translation>
    </message>
    <message>
        <source>Before this tweet goes out</source>
        <translation>Cyn i&apos;r neges hon fynd allan</translation>
    </message>
    <message>
        <source>Reason for overriding the block</source>
        <translation>Rheswm dros ddiystyru&apos;r rhwystr</translation>
    </message>
    <message>
        <source>Why this is safe to post (recorded in the audit log)</source>
        <translation>Pam mae&apos;n ddiogel postio hon (caiff ei gofnodi yn y log archwilio)</translation>
    </message>
    <message>
        <source>For example: “Summer means the season here, not a pupil”. At least a few words.</source>
        <translation>Er enghraifft: “Mae Haf yn golygu&apos;r tymor yma, nid disgybl”. O leiaf ychydig eiriau.</translation>
    </message>
    <message>
        <source>Back to editing</source>
        <translation>Yn ôl i olygu</translation>
    </message>
    <message>
        <source>Return to the tweet to change it; nothing is posted</source>
        <translation>Mynd yn ôl at y neges i&apos;w newid; does dim yn cael ei bostio</translation>
    </message>
    <message>
        <source>Post tweet</source>
        <translation>Postio&apos;r neges</translation>
    </message>
    <message>
        <source>Send the tweet to the school&apos;s account now</source>
        <translation>Anfon y neges i gyfrif yr ysgol nawr</translation>
    </message>
    <message>
        <source>Override and post</source>
        <translation>Diystyru a phostio</translation>
    </message>
    <message>
        <source>Post despite the block; your name and reason go into the audit log</source>
        <translation>Postio er gwaethaf y rhwystr; bydd eich enw a&apos;ch rheswm yn mynd i&apos;r log archwilio</translation>
    </message>
    <message>
        <source>Send to an approver</source>
        <translation>Anfon at gymeradwywr</translation>
    </message>
    <message>
        <source>Send the tweet for approval: the head teacher or an approver looks at the block and decides. Nothing is posted now.</source>
        <translation>Anfon y neges i&apos;w chymeradwyo: mae&apos;r pennaeth neu gymeradwywr yn edrych ar y rhwystr ac yn penderfynu. Does dim yn cael ei bostio nawr.</translation>
    </message>
    <message>
        <source>X would refuse this tweet as it is ({checks}), so nobody can override it. Change it, then try again.</source>
        <translation>Byddai X yn gwrthod y neges hon fel y mae ({checks}), felly all neb ei diystyru. Newidiwch hi, yna rhowch gynnig arall arni.</translation>
    </message>
    <message>
        <source>This tweet cannot be posted as it is. Change it, or send it to the head teacher or an approver, who decide.</source>
        <translation>Does dim modd postio&apos;r neges hon fel y mae. Newidiwch hi, neu anfonwch hi at y pennaeth neu gymeradwywr, a fydd yn penderfynu.</translation>
    </message>
    <message>
        <source>This tweet cannot be posted as it is. Change it, or ask the head teacher or an approver to look at it.</source>
        <translation>Does dim modd postio&apos;r neges hon fel y mae. Newidiwch hi, neu gofynnwch i&apos;r pennaeth neu gymeradwywr edrych arni.</translation>
    </message>
    <message>
        <source>Say why it is safe to post (at least a few words).</source>
        <translation>Dywedwch pam mae&apos;n ddiogel ei phostio (o leiaf ychydig eiriau).</translation>
    </message>
</context>
<context>
    <name>QueueSection</name>
    <message>
        <source>{queue}: the selected tweet</source>
        <translation>{queue}: y neges a ddewiswyd</translation>
    </message>
</context>
<context>
    <name>RecoveryCodePage</name>
    <message>
        <source>This is the head teacher&apos;s recovery code. It unlocks the app if the head&apos;s PIN is forgotten or locked. Write it down and keep it somewhere safe, away from this computer: it will not be shown again.</source>
        <translation>Dyma god adfer y pennaeth. Mae&apos;n datgloi&apos;r ap os bydd PIN y pennaeth wedi&apos;i anghofio neu wedi&apos;i gloi. Ysgrifennwch ef a chadwch ef yn rhywle diogel, i ffwrdd o&apos;r cyfrifiadur hwn: ni fydd yn cael ei ddangos eto.</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>Cod adfer</translation>
    </message>
    <message>
        <source>I have written the recovery code down and will keep it safe</source>
        <translation>Rwyf wedi ysgrifennu&apos;r cod adfer a byddaf yn ei gadw&apos;n ddiogel</translation>
    </message>
    <message>
        <source>Finish becomes available once you tick this: the code cannot be shown again</source>
        <translation>Bydd Gorffen ar gael ar ôl i chi dicio hwn: nid oes modd dangos y cod eto</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Recover the head teacher&apos;s PIN</source>
        <translation>Adfer PIN y pennaeth</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>Cod adfer</translation>
    </message>
    <message>
        <source>The code written down when the app was set up, or the newer one shown after the last recovery</source>
        <translation>Y cod a ysgrifennwyd pan gafodd yr ap ei osod, neu&apos;r un mwy newydd a ddangoswyd ar ôl yr adferiad diwethaf</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>PIN newydd</translation>
    </message>
    <message>
        <source>New PIN again</source>
        <translation>PIN newydd eto</translation>
    </message>
    <message>
        <source>Type the recovery code that was written down when the app was set up (or the newer one from the last recovery), then choose a new PIN. The old PIN stops working, and a new recovery code is shown to keep in its place.</source>
        <translation>Teipiwch y cod adfer a ysgrifennwyd pan osodwyd yr ap (neu&apos;r un mwy newydd o&apos;r adferiad diwethaf), yna dewiswch PIN newydd. Bydd yr hen PIN yn peidio â gweithio, a bydd cod adfer newydd yn cael ei ddangos i&apos;w gadw yn ei le.</translation>
    </message>
    <message>
        <source>Set the new PIN</source>
        <translation>Gosod y PIN newydd</translation>
    </message>
    <message>
        <source>Checks the recovery code, then replaces the head teacher&apos;s PIN; the old PIN stops working</source>
        <translation>Yn gwirio&apos;r cod adfer, yna&apos;n newid PIN y pennaeth; bydd yr hen PIN yn peidio â gweithio</translation>
    </message>
    <message>
        <source>Checking the recovery code…</source>
        <translation>Yn gwirio&apos;r cod adfer…</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Gorffen</translation>
    </message>
</context>
<context>
    <name>RejectDialog</name>
    <message>
        <source>Send back to the author</source>
        <translation>Anfon yn ôl at yr awdur</translation>
    </message>
    <message>
        <source>Tell {author} what to change. They will see this note with their tweet.</source>
        <translation>Dywedwch wrth {author} beth i&apos;w newid. Bydd yr awdur yn gweld y nodyn hwn gyda&apos;r neges.</translation>
    </message>
    <message>
        <source>Note for the author</source>
        <translation>Nodyn i&apos;r awdur</translation>
    </message>
    <message>
        <source>e.g. Please say which class this was, not who.</source>
        <translation>e.e. Nodwch pa ddosbarth oedd hwn, nid pwy.</translation>
    </message>
    <message>
        <source>Send back</source>
        <translation>Anfon yn ôl</translation>
    </message>
    <message>
        <source>Return the tweet to its author with your note; it is not posted</source>
        <translation>Anfon y neges yn ôl at ei hawdur gyda&apos;ch nodyn; nid yw&apos;n cael ei phostio</translation>
    </message>
</context>
<context>
    <name>ReplyCard</name>
    <message>
        <source>{time} · post {post_id}</source>
        <translation>{time} · neges {post_id}</translation>
    </message>
    <message>
        <source>no rule matched</source>
        <translation>dim rheol yn cyfateb</translation>
    </message>
</context>
<context>
    <name>ReplyPictureStrip</name>
    <message>
        <source>May be unsuitable (score {score})</source>
        <translation>Gall fod yn anaddas (sgôr {score})</translation>
    </message>
    <message>
        <source>Picture not checked on this computer</source>
        <translation>Llun heb ei wirio ar y cyfrifiadur hwn</translation>
    </message>
    <message>
        <source>Checked on this computer: nothing found</source>
        <translation>Wedi&apos;i wirio ar y cyfrifiadur hwn: dim wedi&apos;i ganfod</translation>
    </message>
    <message>
        <source>Pictures, blurred until you choose to see them</source>
        <translation>Lluniau, yn aneglur nes i chi ddewis eu gweld</translation>
    </message>
</context>
<context>
    <name>ResetPinDialog</name>
    <message>
        <source>Set a new PIN for {name}</source>
        <translation>Gosod PIN newydd i {name}</translation>
    </message>
    <message>
        <source>Choose a new PIN for {name} and tell them in person. Their old PIN stops working, and a lock after wrong tries is lifted.</source>
        <translation>Dewiswch PIN newydd i {name} a dywedwch wrthyn nhw wyneb yn wyneb. Bydd eu hen PIN yn peidio â gweithio, a chaiff unrhyw glo ar ôl cynigion anghywir ei godi.</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>PIN newydd</translation>
    </message>
    <message>
        <source>New PIN again</source>
        <translation>PIN newydd eto</translation>
    </message>
    <message>
        <source>Set the new PIN</source>
        <translation>Gosod y PIN newydd</translation>
    </message>
    <message>
        <source>Asks for the head-teacher PIN, then replaces their PIN</source>
        <translation>Yn gofyn am PIN y pennaeth, yna&apos;n newid eu PIN</translation>
    </message>
    <message>
        <source>New PIN (6 or more digits)</source>
        <translation>PIN newydd (6 digid neu fwy)</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Head teacher</source>
        <translation>Pennaeth</translation>
    </message>
    <message>
        <source>E-safety leader</source>
        <translation>Arweinydd e-ddiogelwch</translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation>Athro</translation>
    </message>
    <message>
        <source>School secretary</source>
        <translation>Ysgrifennydd yr ysgol</translation>
    </message>
    <message>
        <source>Post tweets directly</source>
        <translation>Postio negeseuon yn uniongyrchol</translation>
    </message>
    <message>
        <source>Submit tweets for approval</source>
        <translation>Cyflwyno negeseuon i&apos;w cymeradwyo</translation>
    </message>
    <message>
        <source>Approve other people&apos;s tweets</source>
        <translation>Cymeradwyo negeseuon pobl eraill</translation>
    </message>
    <message>
        <source>Hide or delete replies and mentions</source>
        <translation>Cuddio neu ddileu atebion a chrybwylliadau</translation>
    </message>
    <message>
        <source>Check and block followers</source>
        <translation>Gwirio a rhwystro dilynwyr</translation>
    </message>
    <message>
        <source>See the audit log</source>
        <translation>Gweld y log archwilio</translation>
    </message>
    <message>
        <source>Add staff and change roles</source>
        <translation>Ychwanegu staff a newid rolau</translation>
    </message>
    <message>
        <source>Connect or change the X account</source>
        <translation>Cysylltu neu newid cyfrif X</translation>
    </message>
    <message>
        <source>Register school computers</source>
        <translation>Cofrestru cyfrifiaduron yr ysgol</translation>
    </message>
</context>
<context>
    <name>Roster</name>
    <message>
        <source>Line {line}: {message}</source>
        <translation>Llinell {line}: {message}</translation>
    </message>
    <message>
        <source>the file has a character that cannot be read as {encoding} (byte {byte}). Open it in Excel, save it again as &quot;CSV UTF-8&quot; and import that file.</source>
        <translation>mae nod yn y ffeil na ellir ei ddarllen fel {encoding} (beit {byte}). Agorwch hi yn Excel, cadwch hi eto fel &quot;CSV UTF-8&quot; a mewnforiwch y ffeil honno.</translation>
    </message>
    <message>
        <source>the file contains NUL characters; it is probably not a CSV file.</source>
        <translation>mae&apos;r ffeil yn cynnwys nodau NUL; mae&apos;n debyg nad ffeil CSV yw hi.</translation>
    </message>
    <message>
        <source>a quotation mark opened here is never closed, so the rest of the file runs into one value.</source>
        <translation>nid yw dyfynnod sy&apos;n agor yma byth yn cau, felly mae gweddill y ffeil yn mynd yn un gwerth.</translation>
    </message>
    <message>
        <source>this line is not valid CSV ({error}); check its quotation marks.</source>
        <translation>nid yw&apos;r llinell hon yn CSV dilys ({error}); gwiriwch ei dyfynodau.</translation>
    </message>
    <message>
        <source>the file has no column called {columns} near its top.</source>
        <translation>does dim colofn o&apos;r enw {columns} ger brig y ffeil.</translation>
    </message>
    <message>
        <source>no heading row found near the top of the file. Export it again with column headings (such as Forename, Surname and Year).</source>
        <translation>ni chafwyd hyd i res o benawdau ger brig y ffeil. Allforiwch hi eto gyda phenawdau colofn (fel Forename, Surname a Year).</translation>
    </message>
    <message>
        <source>the file has no column called {column}.</source>
        <translation>does dim colofn o&apos;r enw {column} yn y ffeil.</translation>
    </message>
    <message>
        <source>no column with pupils&apos; first names was found. Choose which column holds them.</source>
        <translation>ni chafwyd hyd i golofn ag enwau cyntaf disgyblion. Dewiswch pa golofn sy&apos;n eu cynnwys.</translation>
    </message>
    <message>
        <source>the file is empty.</source>
        <translation>mae&apos;r ffeil yn wag.</translation>
    </message>
    <message>
        <source>the file contains NUL characters; it is probably not a CSV file (an Excel workbook, perhaps). Save it as CSV and try again.</source>
        <translation>mae&apos;r ffeil yn cynnwys nodau NUL; mae&apos;n debyg nad ffeil CSV yw hi (llyfr gwaith Excel, efallai). Cadwch hi fel CSV a rhowch gynnig arall arni.</translation>
    </message>
    <message>
        <source>this line has {values} values but the heading row has {columns} columns. A name with a comma in it must be in quotation marks.</source>
        <translation>mae {values} o werthoedd ar y llinell hon ond {columns} o golofnau yn rhes y penawdau. Rhaid i enw sy&apos;n cynnwys coma fod mewn dyfynodau.</translation>
    </message>
    <message>
        <source>only a note or a total on this line: skipped.</source>
        <translation>dim ond nodyn neu gyfanswm sydd ar y llinell hon: wedi&apos;i hepgor.</translation>
    </message>
    <message>
        <source>no name on this line: skipped.</source>
        <translation>dim enw ar y llinell hon: wedi&apos;i hepgor.</translation>
    </message>
    <message>
        <source>no first name: only the surname will be checked.</source>
        <translation>dim enw cyntaf: dim ond y cyfenw fydd yn cael ei wirio.</translation>
    </message>
    <message>
        <source>{value} contains digits: check the columns.</source>
        <translation>mae {value} yn cynnwys digidau: gwiriwch y colofnau.</translation>
    </message>
    <message>
        <source>{value} looked garbled (saved in two encodings); read as {repaired}.</source>
        <translation>roedd {value} yn edrych yn annarllenadwy (wedi&apos;i gadw mewn dau amgodiad); wedi&apos;i ddarllen fel {repaired}.</translation>
    </message>
    <message>
        <source>a value is too long to be a name: check the column choice.</source>
        <translation>mae gwerth yn rhy hir i fod yn enw: gwiriwch pa golofn a ddewiswyd.</translation>
    </message>
    <message>
        <source>This computer&apos;s keyring has no key for the pupil roster (it was reset, or the roster was imported on another computer). Import the roster again.</source>
        <translation>Does gan storfa allweddi&apos;r cyfrifiadur hwn ddim allwedd ar gyfer y rhestr ddisgyblion (cafodd y storfa ei hailosod, neu cafodd y rhestr ddisgyblion ei mewnforio ar gyfrifiadur arall). Mewnforiwch y rhestr ddisgyblion eto.</translation>
    </message>
    <message>
        <source>This computer has no secure password store, so the roster&apos;s key cannot be kept safe and pupils&apos; names cannot be checked. On Linux install gnome-keyring (or KWallet) and sign in again.</source>
        <translation>Does gan y cyfrifiadur hwn ddim storfa gyfrineiriau ddiogel, felly does dim modd cadw allwedd y rhestr ddisgyblion yn ddiogel na gwirio enwau disgyblion. Ar Linux, gosodwch gnome-keyring (neu KWallet) a mewngofnodwch eto.</translation>
    </message>
    <message>
        <source>This computer was not given the school&apos;s new key for the pupil roster (made when a computer was removed), so pupils&apos; names cannot be checked here. Ask the head teacher to check this computer in Settings → School computers.</source>
        <translation>Ni chafodd y cyfrifiadur hwn allwedd newydd yr ysgol ar gyfer y rhestr ddisgyblion (a wnaed pan dynnwyd cyfrifiadur), felly ni ellir gwirio enwau disgyblion yma. Gofynnwch i&apos;r pennaeth wirio&apos;r cyfrifiadur hwn yn Gosodiadau → Cyfrifiaduron yr ysgol.</translation>
    </message>
    <message>
        <source>the file has no pupils in it, so the roster was not replaced.</source>
        <translation>does dim disgyblion yn y ffeil, felly ni chafodd y rhestr ddisgyblion ei disodli.</translation>
    </message>
    <message>
        <source>the year or class &quot;{label}&quot; looks like a pupil&apos;s name, and class names are kept as written. Check that the class column holds classes (or leave it out): nothing was imported.</source>
        <translation>mae&apos;r flwyddyn neu&apos;r dosbarth &quot;{label}&quot; yn edrych fel enw disgybl, ac mae enwau dosbarthiadau&apos;n cael eu cadw fel y&apos;u hysgrifennwyd. Gwiriwch fod y golofn dosbarth yn dal dosbarthiadau (neu gadewch hi allan): ni fewnforiwyd dim.</translation>
    </message>
    <message>
        <source>The pupil roster was hashed with a key this computer no longer has (the keyring was reset, or the database came from another computer). Import the roster again.</source>
        <translation>Cafodd y rhestr ddisgyblion ei stwnsio ag allwedd nad yw ar y cyfrifiadur hwn mwyach (cafodd y storfa allweddi ei hailosod, neu daeth y gronfa ddata o gyfrifiadur arall). Mewnforiwch y rhestr ddisgyblion eto.</translation>
    </message>
    <message>
        <source>The pupil roster was retired when a computer was removed from the school (it held the roster&apos;s key), so pupils&apos; names cannot be checked and nothing can be posted. Import the pupil roster again in Settings.</source>
        <translation>Cafodd y rhestr ddisgyblion ei hymddeol pan dynnwyd cyfrifiadur o&apos;r ysgol (roedd allwedd y rhestr ganddo), felly ni ellir gwirio enwau disgyblion ac ni ellir postio dim. Mewnforiwch y rhestr ddisgyblion eto yn Gosodiadau.</translation>
    </message>
</context>
<context>
    <name>RosterPreviewDialog</name>
    <message>
        <source>Import pupils from {file}</source>
        <translation>Mewnforio disgyblion o {file}</translation>
    </message>
    <message>
        <source>First pupils read from the file</source>
        <translation>Y disgyblion cyntaf a ddarllenwyd o&apos;r ffeil</translation>
    </message>
    <message>
        <source>Check these are pupils, with first names and surnames in the right places</source>
        <translation>Gwiriwch mai disgyblion yw&apos;r rhain, gydag enwau cyntaf a chyfenwau yn y lleoedd cywir</translation>
    </message>
    <message>
        <source>Line {line}: {forename} {surname}</source>
        <translation>Llinell {line}: {forename} {surname}</translation>
    </message>
    <message>
        <source>Lines with problems</source>
        <translation>Llinellau â phroblemau</translation>
    </message>
    <message>
        <source>Line {line}: {problem}</source>
        <translation>Llinell {line}: {problem}</translation>
    </message>
    <message>
        <source>{count} line(s) with problems</source>
        <translation>{count} llinell â phroblemau</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>Dim problemau wedi&apos;u canfod.</translation>
    </message>
    <message>
        <source>Importing replaces the whole roster. Only scrambled fingerprints of the names are kept, never the names themselves.</source>
        <translation>Mae mewnforio yn disodli&apos;r rhestr ddisgyblion gyfan. Dim ond olion bysedd digidol wedi&apos;u sgramblo o&apos;r enwau sy&apos;n cael eu cadw, byth yr enwau eu hunain.</translation>
    </message>
    <message>
        <source>Import {count} pupils</source>
        <translation>Mewnforio {count} disgybl</translation>
    </message>
    <message>
        <source>Replaces the whole roster used by the name check with these pupils</source>
        <translation>Yn disodli&apos;r rhestr ddisgyblion gyfan a ddefnyddir gan y gwiriad enwau â&apos;r disgyblion hyn</translation>
    </message>
    <message>
        <source>No pupils were found in this file, so nothing can be imported. Choose the pupil list exported from the school&apos;s MIS (Arbor, SIMS, Bromcom…), with a heading row such as Forename, Surname, Class.</source>
        <translation>Ni chafwyd hyd i unrhyw ddisgyblion yn y ffeil hon, felly does dim modd mewnforio dim. Dewiswch y rhestr ddisgyblion a allforiwyd o system MIS yr ysgol (Arbor, SIMS, Bromcom…), gyda rhes pennawd fel Forename, Surname, Class.</translation>
    </message>
    <message>
        <source>The first pupils read:</source>
        <translation>Y disgyblion cyntaf a ddarllenwyd:</translation>
    </message>
    <message>
        <source>{field} ← “{column}”</source>
        <translation>{field} ← “{column}”</translation>
    </message>
    <message>
        <source>&lt;b&gt;{count} pupils&lt;/b&gt; found (headings on line {line}, {encoding}).</source>
        <translation>Canfuwyd &lt;b&gt;{count} disgybl&lt;/b&gt; (penawdau ar linell {line}, {encoding}).</translation>
    </message>
    <message>
        <source>Columns used: {columns}.</source>
        <translation>Colofnau a ddefnyddiwyd: {columns}.</translation>
    </message>
    <message>
        <source>none recognised</source>
        <translation>dim un wedi&apos;i hadnabod</translation>
    </message>
    <message>
        <source>Ignored columns: {columns}.</source>
        <translation>Colofnau a anwybyddwyd: {columns}.</translation>
    </message>
    <message>
        <source>forename</source>
        <translation>enw cyntaf</translation>
    </message>
    <message>
        <source>legal forename</source>
        <translation>enw cyntaf cyfreithiol</translation>
    </message>
    <message>
        <source>preferred name</source>
        <translation>enw dewisol</translation>
    </message>
    <message>
        <source>surname</source>
        <translation>cyfenw</translation>
    </message>
    <message>
        <source>preferred surname</source>
        <translation>cyfenw dewisol</translation>
    </message>
    <message>
        <source>full name</source>
        <translation>enw llawn</translation>
    </message>
    <message>
        <source>year</source>
        <translation>blwyddyn</translation>
    </message>
    <message>
        <source>class</source>
        <translation>dosbarth</translation>
    </message>
</context>
<context>
    <name>RowsTableModel</name>
    <message>
        <source>Sort by this column: click it, or use the list&apos;s context menu</source>
        <translation>Trefnu yn ôl y golofn hon: cliciwch arni, neu defnyddiwch ddewislen cyd-destun y rhestr</translation>
    </message>
    <message>
        <source>Sort by this column: click it, or press {keys} in the list; again to reverse</source>
        <translation>Trefnu yn ôl y golofn hon: cliciwch arni, neu pwyswch {keys} yn y rhestr; pwyswch eto i wrthdroi&apos;r drefn</translation>
    </message>
</context>
<context>
    <name>ScheduleDialog</name>
    <message>
        <source>Change when it goes out</source>
        <translation>Newid pryd mae&apos;n mynd allan</translation>
    </message>
    <message>
        <source>New date and time</source>
        <translation>Dyddiad ac amser newydd</translation>
    </message>
    <message>
        <source>The day and time on this computer&apos;s clock; it cannot be in the past. The app must be running then for the tweet to go out.</source>
        <translation>Y diwrnod a&apos;r amser ar gloc y cyfrifiadur hwn; ni all fod yn y gorffennol. Rhaid i&apos;r ap fod yn rhedeg bryd hynny er mwyn i&apos;r neges fynd allan.</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Amserlennu</translation>
    </message>
    <message>
        <source>The tweet goes out at this time, if the app is running</source>
        <translation>Bydd y neges yn mynd allan ar yr amser hwn, os yw&apos;r ap ar agor</translation>
    </message>
    <message>
        <source>Post it on:</source>
        <translation>Postio ar:</translation>
    </message>
</context>
<context>
    <name>SchoolComputersGroup</name>
    <message>
        <source>The school&apos;s computers</source>
        <translation>Cyfrifiaduron yr ysgol</translation>
    </message>
    <message>
        <source>Every computer of the school shares one database on the school&apos;s server. To add a computer, make a one-time code here and give it to whoever sets the new computer up; the code works once, for 10 minutes.</source>
        <translation>Mae pob un o gyfrifiaduron yr ysgol yn rhannu un gronfa ddata ar weinydd yr ysgol. I ychwanegu cyfrifiadur, gwnewch god untro yma a&apos;i roi i bwy bynnag sy&apos;n gosod y cyfrifiadur newydd; mae&apos;r cod yn gweithio unwaith, am 10 munud.</translation>
    </message>
    <message>
        <source>The new computer may post to X (it receives the X account&apos;s keys)</source>
        <translation>Caiff y cyfrifiadur newydd bostio i X (mae&apos;n derbyn allweddi&apos;r cyfrif X)</translation>
    </message>
    <message>
        <source>Make an enrolment code…</source>
        <translation>Gwneud cod ymrestru…</translation>
    </message>
    <message>
        <source>Needs the head teacher&apos;s PIN</source>
        <translation>Angen PIN y pennaeth</translation>
    </message>
    <message>
        <source>Remove the chosen computer…</source>
        <translation>Tynnu&apos;r cyfrifiadur a ddewiswyd…</translation>
    </message>
    <message>
        <source>For a computer that was lost, stolen or given away; needs the head teacher&apos;s PIN</source>
        <translation>Ar gyfer cyfrifiadur a gollwyd, a gafodd ei ddwyn neu ei roi i ffwrdd; angen PIN y pennaeth</translation>
    </message>
    <message>
        <source>{name}: removed by {person}</source>
        <translation>{name}: tynnwyd gan {person}</translation>
    </message>
    <message>
        <source>{name} (this computer)</source>
        <translation>{name} (y cyfrifiadur hwn)</translation>
    </message>
    <message>
        <source>make a code for a new computer</source>
        <translation>gwneud cod ar gyfer cyfrifiadur newydd</translation>
    </message>
    <message>
        <source>Enrolment code</source>
        <translation>Cod ymrestru</translation>
    </message>
    <message>
        <source>On the new computer run “stpeters-desk computer join” with the server&apos;s address and this code within {minutes} minutes. It works once and is not shown again.</source>
        <translation>Ar y cyfrifiadur newydd rhedwch “stpeters-desk computer join” gyda chyfeiriad y gweinydd a&apos;r cod hwn o fewn {minutes} munud. Mae&apos;n gweithio unwaith ac ni chaiff ei ddangos eto.</translation>
    </message>
    <message>
        <source>The enrolment code was made; the audit log records it (not the code).</source>
        <translation>Cafodd y cod ymrestru ei wneud; mae&apos;r log archwilio yn ei gofnodi (nid y cod).</translation>
    </message>
    <message>
        <source>Choose a computer in the list first.</source>
        <translation>Dewiswch gyfrifiadur yn y rhestr yn gyntaf.</translation>
    </message>
    <message>
        <source>{name} was removed: it can no longer act for the school. The keys it held were replaced. Still to do:
{steps}</source>
        <translation>Cafodd {name} ei dynnu: ni all weithredu dros yr ysgol mwyach. Cafodd yr allweddi oedd ganddo eu disodli. I&apos;w wneud o hyd:
{steps}</translation>
    </message>
    <message>
        <source>remove {name} from the school</source>
        <translation>tynnu {name} o&apos;r ysgol</translation>
    </message>
</context>
<context>
    <name>SecurityDialogs</name>
    <message>
        <source>At least 6 digits, not the same digit over and over and not a run like 123456; only its owner should know it</source>
        <translation>O leiaf 6 digid, nid yr un digid drosodd a throsodd a dim rhes fel 123456; dim ond ei berchennog ddylai ei wybod</translation>
    </message>
    <message>
        <source>The same PIN again, to catch a slip of the finger</source>
        <translation>Yr un PIN eto, i ddal unrhyw gamgymeriad wrth deipio</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>That value cannot be used for this setting.</source>
        <translation>Does dim modd defnyddio&apos;r gwerth hwnnw ar gyfer y gosodiad hwn.</translation>
    </message>
</context>
<context>
    <name>SettingsTab</name>
    <message>
        <source>Only accounts the school mentions (recommended)</source>
        <translation>Dim ond cyfrifon y mae&apos;r ysgol yn eu crybwyll (argymhellir)</translation>
    </message>
    <message>
        <source>Only accounts the school follows: nobody, replies off</source>
        <translation>Dim ond cyfrifon y mae&apos;r ysgol yn eu dilyn: neb, atebion wedi&apos;u diffodd</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Pawb</translation>
    </message>
    <message>
        <source>Same as this computer (light or dark)</source>
        <translation>Yr un fath â&apos;r cyfrifiadur hwn (golau neu dywyll)</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Golau</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Tywyll</translation>
    </message>
    <message>
        <source>High contrast (white on black)</source>
        <translation>Cyferbyniad uchel (gwyn ar ddu)</translation>
    </message>
    <message>
        <source>Your PIN</source>
        <translation>Eich PIN</translation>
    </message>
    <message>
        <source>Your current PIN</source>
        <translation>Eich PIN presennol</translation>
    </message>
    <message>
        <source>The PIN you signed in with</source>
        <translation>Y PIN y gwnaethoch fewngofnodi ag ef</translation>
    </message>
    <message>
        <source>Your new PIN</source>
        <translation>Eich PIN newydd</translation>
    </message>
    <message>
        <source>Your new PIN again</source>
        <translation>Eich PIN newydd eto</translation>
    </message>
    <message>
        <source>Change my PIN</source>
        <translation>Newid fy PIN</translation>
    </message>
    <message>
        <source>Your new PIN works at once; the change is recorded in the audit log</source>
        <translation>Mae eich PIN newydd yn gweithio ar unwaith; caiff y newid ei gofnodi yn y log archwilio</translation>
    </message>
    <message>
        <source>Current PIN</source>
        <translation>PIN presennol</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>PIN newydd</translation>
    </message>
    <message>
        <source>New PIN again</source>
        <translation>PIN newydd eto</translation>
    </message>
    <message>
        <source>Your PIN is changed. Use the new one from now on.</source>
        <translation>Mae eich PIN wedi&apos;i newid. Defnyddiwch yr un newydd o hyn ymlaen.</translation>
    </message>
    <message>
        <source>Pupil roster (for the child-name check)</source>
        <translation>Rhestr ddisgyblion (ar gyfer gwirio enwau plant)</translation>
    </message>
    <message>
        <source>Import the roster from a CSV file…</source>
        <translation>Mewnforio&apos;r rhestr ddisgyblion o ffeil CSV…</translation>
    </message>
    <message>
        <source>An export of pupils&apos; names from the school&apos;s MIS (Arbor, SIMS, Bromcom…): forename, surname, class. You see a preview before anything changes.</source>
        <translation>Allforiad o enwau disgyblion o system MIS yr ysgol (Arbor, SIMS, Bromcom…): enw cyntaf, cyfenw, dosbarth. Byddwch yn gweld rhagolwg cyn i unrhyw beth newid.</translation>
    </message>
    <message>
        <source>Who can reply to the school&apos;s tweets</source>
        <translation>Pwy sy&apos;n gallu ateb negeseuon yr ysgol</translation>
    </message>
    <message>
        <source>Used for every tweet posted from now on; tweets already on X keep the setting they were posted with</source>
        <translation>Yn cael ei ddefnyddio ar gyfer pob neges a gaiff ei phostio o hyn ymlaen; mae negeseuon sydd eisoes ar X yn cadw&apos;r gosodiad oedd ganddynt pan gawsant eu postio</translation>
    </message>
    <message>
        <source>The account follows no one, so “accounts the school mentions” keeps replies to the people a tweet names, and “accounts the school follows” turns replies off.</source>
        <translation>Nid yw&apos;r cyfrif yn dilyn neb, felly mae “cyfrifon y mae&apos;r ysgol yn eu crybwyll” yn cyfyngu atebion i&apos;r bobl y mae neges yn eu henwi, ac mae “cyfrifon y mae&apos;r ysgol yn eu dilyn” yn diffodd atebion.</translation>
    </message>
    <message>
        <source>New tweets will use this reply setting.</source>
        <translation>Bydd negeseuon newydd yn defnyddio&apos;r gosodiad ateb hwn.</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Y cyfrifiadur hwn</translation>
    </message>
    <message>
        <source>School computers</source>
        <translation>Cyfrifiaduron yr ysgol</translation>
    </message>
    <message>
        <source>The X account</source>
        <translation>Cyfrif X</translation>
    </message>
    <message>
        <source>Pupil roster</source>
        <translation>Rhestr ddisgyblion</translation>
    </message>
    <message>
        <source>Replies to tweets</source>
        <translation>Atebion i negeseuon</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>Ciosg</translation>
    </message>
    <message>
        <source>Policy review</source>
        <translation>Adolygu&apos;r polisi</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Golwg ac iaith</translation>
    </message>
    <message>
        <source>Settings sections</source>
        <translation>Adrannau&apos;r Gosodiadau</translation>
    </message>
    <message>
        <source>Choose what to change</source>
        <translation>Dewiswch beth i&apos;w newid</translation>
    </message>
    <message>
        <source>Only the settings you may change are shown. For the others, ask the head teacher.</source>
        <translation>Dim ond y gosodiadau y cewch eu newid sy&apos;n cael eu dangos. Am y lleill, gofynnwch i&apos;r pennaeth.</translation>
    </message>
    <message>
        <source>Register this computer…</source>
        <translation>Cofrestru&apos;r cyfrifiadur hwn…</translation>
    </message>
    <message>
        <source>Tweets may only be sent from computers the head registers; needs the head teacher&apos;s PIN</source>
        <translation>Dim ond o gyfrifiaduron y mae&apos;r pennaeth yn eu cofrestru y caiff negeseuon eu hanfon; angen PIN y pennaeth</translation>
    </message>
    <message>
        <source>Remove registration…</source>
        <translation>Tynnu&apos;r cofrestriad…</translation>
    </message>
    <message>
        <source>Tweets can no longer be sent from this computer until the head registers it again; needs the head teacher&apos;s PIN</source>
        <translation>Ni fydd modd anfon negeseuon o&apos;r cyfrifiadur hwn mwyach nes i&apos;r pennaeth ei gofrestru eto; angen PIN y pennaeth</translation>
    </message>
    <message>
        <source>Allow posting here for an event…</source>
        <translation>Caniatáu postio yma ar gyfer digwyddiad…</translation>
    </message>
    <message>
        <source>For school trips and sports events: a time-limited permission, with a reason</source>
        <translation>Ar gyfer tripiau ysgol a digwyddiadau chwaraeon: caniatâd â therfyn amser, gyda rheswm</translation>
    </message>
    <message>
        <source>End the event&apos;s permission now</source>
        <translation>Dod â chaniatâd y digwyddiad i ben nawr</translation>
    </message>
    <message>
        <source>Back from the trip: this computer may no longer post from now on</source>
        <translation>Yn ôl o&apos;r trip: ni chaiff y cyfrifiadur hwn bostio o hyn ymlaen</translation>
    </message>
    <message>
        <source>The school&apos;s X account</source>
        <translation>Cyfrif X yr ysgol</translation>
    </message>
    <message>
        <source>Connect or replace the X account…</source>
        <translation>Cysylltu neu newid cyfrif X…</translation>
    </message>
    <message>
        <source>Link the school&apos;s X account to this app, or swap it for another; needs the head teacher&apos;s PIN</source>
        <translation>Cysylltu cyfrif X yr ysgol â&apos;r ap hwn, neu ei newid am un arall; angen PIN y pennaeth</translation>
    </message>
    <message>
        <source>The X account&apos;s password</source>
        <translation>Cyfrinair cyfrif X</translation>
    </message>
    <message>
        <source>Type the password here, then press “Store the password…”; it is never shown as you type</source>
        <translation>Teipiwch y cyfrinair yma, yna pwyswch “Cadw&apos;r cyfrinair…”; nid yw byth yn cael ei ddangos wrth i chi deipio</translation>
    </message>
    <message>
        <source>Store the password…</source>
        <translation>Cadw&apos;r cyfrinair…</translation>
    </message>
    <message>
        <source>Keep the X account&apos;s password in this computer&apos;s secure password store; the policy says it changes only with the head teacher&apos;s permission</source>
        <translation>Cadw cyfrinair cyfrif X yn storfa gyfrineiriau ddiogel y cyfrifiadur hwn; mae&apos;r polisi&apos;n dweud mai dim ond gyda chaniatâd y pennaeth y caiff ei newid</translation>
    </message>
    <message>
        <source>Show the stored password…</source>
        <translation>Dangos y cyfrinair sydd wedi&apos;i gadw…</translation>
    </message>
    <message>
        <source>Shows the stored password for {seconds} seconds; needs the head teacher&apos;s PIN and is recorded in the audit log</source>
        <translation>Yn dangos y cyfrinair sydd wedi&apos;i gadw am {seconds} eiliad; angen PIN y pennaeth, a chaiff ei gofnodi yn y log archwilio</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Dim terfyn</translation>
    </message>
    <message>
        <source>Monthly limit on reads from X</source>
        <translation>Terfyn misol ar ddarlleniadau o X</translation>
    </message>
    <message>
        <source>Posts and accounts the app may read from X in a month, for all the school&apos;s computers; at the limit replies and followers are not fetched until the 1st, and posting goes on. 0: no limit</source>
        <translation>Y negeseuon a&apos;r cyfrifon y caiff yr ap eu darllen o X mewn mis, ar gyfer holl gyfrifiaduron yr ysgol; ar ôl cyrraedd y terfyn, ni chaiff atebion a dilynwyr eu nôl tan y 1af o&apos;r mis, ond mae postio&apos;n parhau. 0: dim terfyn</translation>
    </message>
    <message>
        <source>Set the monthly limit…</source>
        <translation>Gosod y terfyn misol…</translation>
    </message>
    <message>
        <source>Needs the head teacher&apos;s PIN; recorded in the audit log</source>
        <translation>Angen PIN y pennaeth; caiff ei gofnodi yn y log archwilio</translation>
    </message>
    <message>
        <source>Monthly limit on reads:</source>
        <translation>Terfyn misol ar ddarlleniadau:</translation>
    </message>
    <message>
        <source>Reads from X this month: {reads} posts and accounts, in {requests} requests (X charges for each one read).</source>
        <translation>Darlleniadau o X y mis hwn: {reads} neges a chyfrif, mewn {requests} cais (mae X yn codi tâl am bob un a ddarllenir).</translation>
    </message>
    <message>
        <source>No monthly limit is set.</source>
        <translation>Does dim terfyn misol wedi&apos;i osod.</translation>
    </message>
    <message>
        <source>Limit: {cap} a month; {left} left.</source>
        <translation>Terfyn: {cap} y mis; {left} ar ôl.</translation>
    </message>
    <message>
        <source>The practice account is free: reads are counted on the school&apos;s real X account only.</source>
        <translation>Mae&apos;r cyfrif ymarfer am ddim: dim ond ar gyfrif X go iawn yr ysgol y caiff darlleniadau eu cyfrif.</translation>
    </message>
    <message>
        <source>set the monthly limit on reads from X</source>
        <translation>gosod y terfyn misol ar ddarlleniadau o X</translation>
    </message>
    <message>
        <source>The monthly limit is now {cap} reads.</source>
        <translation>Y terfyn misol bellach yw {cap} darlleniad.</translation>
    </message>
    <message>
        <source>There is no monthly limit on reads now.</source>
        <translation>Does dim terfyn misol ar ddarlleniadau bellach.</translation>
    </message>
    <message>
        <source>Staffroom kiosk</source>
        <translation>Ciosg yr ystafell staff</translation>
    </message>
    <message>
        <source>Start in kiosk mode (full screen, locks when idle)</source>
        <translation>Dechrau yn y modd ciosg (sgrin lawn, yn cloi pan nad oes neb yn ei ddefnyddio)</translation>
    </message>
    <message>
        <source>For the staffroom computer: large buttons, the whole screen, and back to the sign-in screen when nobody uses it. Turning it off needs the head teacher&apos;s PIN.</source>
        <translation>Ar gyfer cyfrifiadur yr ystafell staff: botymau mawr, y sgrin gyfan, ac yn ôl i&apos;r sgrin mewngofnodi pan nad oes neb yn ei ddefnyddio. Mae angen PIN y pennaeth i&apos;w ddiffodd.</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> munud</translation>
    </message>
    <message>
        <source>Lock after this many idle minutes</source>
        <translation>Cloi ar ôl y nifer hwn o funudau segur</translation>
    </message>
    <message>
        <source>After this many minutes with no touch, click or key press, the kiosk goes back to the sign-in screen</source>
        <translation>Ar ôl y nifer hwn o funudau heb gyffwrdd, clicio na phwyso bysell, mae&apos;r ciosg yn mynd yn ôl i&apos;r sgrin mewngofnodi</translation>
    </message>
    <message>
        <source>Lock after</source>
        <translation>Cloi ar ôl</translation>
    </message>
    <message>
        <source>Twitter policy review</source>
        <translation>Adolygu polisi Twitter</translation>
    </message>
    <message>
        <source>Not set yet</source>
        <translation>Heb ei osod eto</translation>
    </message>
    <message>
        <source>Date the policy was adopted</source>
        <translation>Dyddiad mabwysiadu&apos;r polisi</translation>
    </message>
    <message>
        <source>The day the governors adopted the school&apos;s Twitter policy</source>
        <translation>Y diwrnod y mabwysiadodd y llywodraethwyr bolisi Twitter yr ysgol</translation>
    </message>
    <message>
        <source> months</source>
        <translation> mis</translation>
    </message>
    <message>
        <source>Review the policy every</source>
        <translation>Adolygu&apos;r polisi bob</translation>
    </message>
    <message>
        <source>How often the policy is reviewed; a banner reminds the head teacher when a review is due</source>
        <translation>Pa mor aml y caiff y polisi ei adolygu; mae baner yn atgoffa&apos;r pennaeth pan fydd hi&apos;n bryd cynnal adolygiad</translation>
    </message>
    <message>
        <source>Save review dates</source>
        <translation>Cadw&apos;r dyddiadau adolygu</translation>
    </message>
    <message>
        <source>Keep these dates; the review reminder is worked out from them</source>
        <translation>Cadw&apos;r dyddiadau hyn; caiff y nodyn atgoffa i adolygu ei gyfrifo ohonynt</translation>
    </message>
    <message>
        <source>Adopted on</source>
        <translation>Mabwysiadwyd ar</translation>
    </message>
    <message>
        <source>Review every</source>
        <translation>Adolygu bob</translation>
    </message>
    <message>
        <source>Appearance and language</source>
        <translation>Golwg ac iaith</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>Lliwiau</translation>
    </message>
    <message>
        <source>Changes the colours at once, on this computer. “Same as this computer” follows its light or dark setting; high contrast has white words on black, thicker edges and a yellow outline around the control in use.</source>
        <translation>Mae&apos;n newid y lliwiau ar unwaith, ar y cyfrifiadur hwn. Mae “Yr un fath â&apos;r cyfrifiadur hwn” yn dilyn ei osodiad golau neu dywyll; mae gan gyferbyniad uchel eiriau gwyn ar ddu, ymylon mwy trwchus ac amlinell felen o amgylch y rheolydd sy&apos;n cael ei ddefnyddio.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Iaith</translation>
    </message>
    <message>
        <source>The language of the app&apos;s own words on this computer, from the next start. Tweets and replies are never translated.</source>
        <translation>Iaith geiriau&apos;r ap ei hun ar y cyfrifiadur hwn, o&apos;r tro nesaf y bydd yn cychwyn. Nid yw negeseuon ac atebion byth yn cael eu cyfieithu.</translation>
    </message>
    <message>
        <source>This computer is called “{name}”. {reason}</source>
        <translation>Enw&apos;r cyfrifiadur hwn yw “{name}”. {reason}</translation>
    </message>
    <message>
        <source>Computers registered for tweeting: {names}.</source>
        <translation>Cyfrifiaduron wedi&apos;u cofrestru ar gyfer postio negeseuon: {names}.</translation>
    </message>
    <message>
        <source>Computers are registered for tweeting once the head teacher has set up staff accounts.</source>
        <translation>Caiff cyfrifiaduron eu cofrestru ar gyfer postio negeseuon ar ôl i&apos;r pennaeth osod cyfrifon staff.</translation>
    </message>
    <message>
        <source>The app is on the practice (sandbox) account: nothing reaches X. Connect the school&apos;s account when you are ready.</source>
        <translation>Mae&apos;r ap ar y cyfrif ymarfer (blwch tywod): nid oes dim yn cyrraedd X. Cysylltwch gyfrif yr ysgol pan fyddwch yn barod.</translation>
    </message>
    <message>
        <source>The app is connected to the school&apos;s real X account.</source>
        <translation>Mae&apos;r ap wedi&apos;i gysylltu â chyfrif X go iawn yr ysgol.</translation>
    </message>
    <message>
        <source>✖ The X account&apos;s keys were retired when a computer that held them was removed from the school. Regenerate them on the X developer portal and reconnect X here: nothing is sent with the old keys until then.</source>
        <translation>✖ Cafodd allweddi cyfrif X eu hymddeol pan dynnwyd cyfrifiadur a oedd yn eu dal o&apos;r ysgol. Ail-gynhyrchwch nhw ym mhorth datblygwyr X ac ailgysylltwch X yma: ni anfonir dim gyda&apos;r hen allweddi tan hynny.</translation>
    </message>
    <message>
        <source>A new language is used from the next time the app starts.</source>
        <translation>Bydd iaith newydd yn cael ei defnyddio o&apos;r tro nesaf y bydd yr ap yn cychwyn.</translation>
    </message>
    <message>
        <source>The {language} translation is not on this computer yet, so the app stays in English until it is installed.</source>
        <translation>Nid yw&apos;r cyfieithiad {language} ar y cyfrifiadur hwn eto, felly bydd yr ap yn aros yn Saesneg nes iddo gael ei osod.</translation>
    </message>
    <message>
        <source>✖ The pupil roster was retired when a computer was removed from the school (it held the roster&apos;s key). Import the pupil list again: posting is blocked until then.</source>
        <translation>✖ Cafodd y rhestr ddisgyblion ei hymddeol pan dynnwyd cyfrifiadur o&apos;r ysgol (roedd allwedd y rhestr ganddo). Mewnforiwch y rhestr ddisgyblion eto: mae postio wedi&apos;i rwystro tan hynny.</translation>
    </message>
    <message>
        <source>No roster imported yet: tweets are checked against common first names only. Import the pupil list so every child&apos;s name is caught.</source>
        <translation>Dim rhestr ddisgyblion wedi&apos;i mewnforio eto: dim ond yn erbyn enwau cyntaf cyffredin y caiff negeseuon eu gwirio. Mewnforiwch y rhestr ddisgyblion fel bod enw pob plentyn yn cael ei ddal.</translation>
    </message>
    <message>
        <source>{pupils} pupils in {classes} classes, imported {date} by {name}. Names are kept only as scrambled fingerprints.</source>
        <translation>{pupils} disgybl mewn {classes} dosbarth, wedi&apos;u mewnforio ar {date} gan {name}. Dim ond fel olion bysedd digidol wedi&apos;u sgramblo y caiff yr enwau eu cadw.</translation>
    </message>
    <message>
        <source>✖ Import it again: this version also catches names written in disguise, and posting is blocked until the pupil list is imported again.</source>
        <translation>✖ Mewnforiwch hi eto: mae&apos;r fersiwn hon hefyd yn dal enwau wedi&apos;u cuddio, ac ni ellir postio nes i&apos;r rhestr ddisgyblion gael ei mewnforio eto.</translation>
    </message>
    <message>
        <source>The pupil roster</source>
        <translation>Y rhestr ddisgyblion</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>Ffeiliau CSV (*.csv *.txt);;Pob ffeil (*)</translation>
    </message>
    <message>
        <source>{file} cannot be imported: {problem} Nothing was changed; correct the file and import it again.</source>
        <translation>Nid oes modd mewnforio {file}: {problem} Ni newidiwyd dim; cywirwch y ffeil a&apos;i mewnforio eto.</translation>
    </message>
    <message>
        <source>replace the pupil roster</source>
        <translation>disodli&apos;r rhestr ddisgyblion</translation>
    </message>
    <message>
        <source>The roster from {file} is in use.</source>
        <translation>Mae&apos;r rhestr ddisgyblion o {file} yn cael ei defnyddio.</translation>
    </message>
    <message>
        <source>The roster was not changed: {problem}</source>
        <translation>Ni newidiwyd y rhestr ddisgyblion: {problem}</translation>
    </message>
    <message>
        <source>register this computer for tweeting</source>
        <translation>cofrestru&apos;r cyfrifiadur hwn ar gyfer postio negeseuon</translation>
    </message>
    <message>
        <source>{name} is registered: tweets may be sent from it.</source>
        <translation>Mae {name} wedi&apos;i gofrestru: mae modd anfon negeseuon ohono.</translation>
    </message>
    <message>
        <source>remove this computer&apos;s registration</source>
        <translation>tynnu cofrestriad y cyfrifiadur hwn</translation>
    </message>
    <message>
        <source>{name} is no longer registered.</source>
        <translation>Nid yw {name} wedi&apos;i gofrestru mwyach.</translation>
    </message>
    <message>
        <source>allow tweets from this computer for an event</source>
        <translation>caniatáu negeseuon o&apos;r cyfrifiadur hwn ar gyfer digwyddiad</translation>
    </message>
    <message>
        <source>Tweets may be sent from {name} until {end}.</source>
        <translation>Mae modd anfon negeseuon o {name} tan {end}.</translation>
    </message>
    <message>
        <source>store the X account&apos;s password</source>
        <translation>cadw cyfrinair cyfrif X</translation>
    </message>
    <message>
        <source>The X account&apos;s password is stored in this computer&apos;s password store.</source>
        <translation>Mae cyfrinair cyfrif X wedi&apos;i gadw yn storfa gyfrineiriau&apos;r cyfrifiadur hwn.</translation>
    </message>
    <message>
        <source>This computer may no longer post.</source>
        <translation>Ni chaiff y cyfrifiadur hwn bostio mwyach.</translation>
    </message>
    <message>
        <source>show the X account&apos;s password</source>
        <translation>dangos cyfrinair cyfrif X</translation>
    </message>
    <message>
        <source>No X password is stored on this computer. Type it above and press “Store the password…”.</source>
        <translation>Nid oes cyfrinair X wedi&apos;i gadw ar y cyfrifiadur hwn. Teipiwch ef uchod a phwyswch “Cadw&apos;r cyfrinair…”.</translation>
    </message>
    <message>
        <source>Password: {password}   (hidden again in {seconds} s)</source>
        <translation>Cyfrinair: {password}   (caiff ei guddio eto ymhen {seconds} eiliad)</translation>
    </message>
    <message>
        <source>Kiosk mode starts next time the app opens.</source>
        <translation>Bydd y modd ciosg yn dechrau y tro nesaf y bydd yr ap yn agor.</translation>
    </message>
    <message>
        <source>turn kiosk mode off</source>
        <translation>diffodd y modd ciosg</translation>
    </message>
    <message>
        <source>Kiosk mode is off from the next start.</source>
        <translation>Bydd y modd ciosg wedi&apos;i ddiffodd o&apos;r tro nesaf y bydd yr ap yn cychwyn.</translation>
    </message>
    <message>
        <source>The kiosk locks after {count} idle minutes from the next start.</source>
        <translation>O&apos;r tro nesaf y bydd yr ap yn cychwyn, bydd y ciosg yn cloi ar ôl {count} munud segur.</translation>
    </message>
    <message>
        <source>Choose the date the governors adopted the policy first.</source>
        <translation>Dewiswch y dyddiad y mabwysiadodd y llywodraethwyr y polisi yn gyntaf.</translation>
    </message>
    <message>
        <source>The policy review dates are kept.</source>
        <translation>Mae dyddiadau adolygu&apos;r polisi wedi&apos;u cadw.</translation>
    </message>
    <message>
        <source>The new colours are in use on this computer.</source>
        <translation>Mae&apos;r lliwiau newydd yn cael eu defnyddio ar y cyfrifiadur hwn.</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Set up St Peter&apos;s Desk</source>
        <translation>Gosod St Peter&apos;s Desk</translation>
    </message>
    <message>
        <source>Head teacher&apos;s name</source>
        <translation>Enw&apos;r pennaeth</translation>
    </message>
    <message>
        <source>e.g. Mrs J. Example</source>
        <translation>e.e. Mrs J. Enghraifft</translation>
    </message>
    <message>
        <source>As staff know the head teacher; it appears in the audit log beside everything they do</source>
        <translation>Fel y mae&apos;r staff yn adnabod y pennaeth; mae&apos;n ymddangos yn y log archwilio wrth ymyl popeth y mae&apos;n ei wneud</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>PIN newydd</translation>
    </message>
    <message>
        <source>New PIN again</source>
        <translation>PIN newydd eto</translation>
    </message>
    <message>
        <source>Welcome. First, the head teacher creates their own account. Each member of staff later gets a personal PIN of at least 6 digits; the head teacher&apos;s PIN also guards the X account&apos;s sign-in details, staff changes and this computer&apos;s registration.</source>
        <translation>Croeso. Yn gyntaf, mae&apos;r pennaeth yn creu cyfrif personol. Yn nes ymlaen, bydd pob aelod o staff yn cael PIN personol o 6 digid o leiaf; mae PIN y pennaeth hefyd yn diogelu manylion mewngofnodi&apos;r cyfrif X, newidiadau i&apos;r staff a chofrestriad y cyfrifiadur hwn.</translation>
    </message>
    <message>
        <source>PIN (6 or more digits)</source>
        <translation>PIN (6 digid neu fwy)</translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation>PIN eto</translation>
    </message>
    <message>
        <source>Register this computer for tweeting</source>
        <translation>Cofrestru&apos;r cyfrifiadur hwn ar gyfer postio negeseuon</translation>
    </message>
    <message>
        <source>Tweets can then be posted from this computer; untick it if this is not a school computer</source>
        <translation>Yna gellir postio negeseuon o&apos;r cyfrifiadur hwn; dad-diciwch hwn os nad yw&apos;n gyfrifiadur ysgol</translation>
    </message>
    <message>
        <source>The policy allows tweets only from the school&apos;s registered devices; others can be added later in Settings.</source>
        <translation>Mae&apos;r polisi&apos;n caniatáu negeseuon o gyfrifiaduron cofrestredig yr ysgol yn unig; gellir ychwanegu rhai eraill yn nes ymlaen yn y Gosodiadau.</translation>
    </message>
    <message>
        <source>Create the head teacher&apos;s account</source>
        <translation>Creu cyfrif y pennaeth</translation>
    </message>
    <message>
        <source>Saves the name and PIN; the next page shows the recovery code to keep somewhere safe</source>
        <translation>Yn cadw&apos;r enw a&apos;r PIN; mae&apos;r dudalen nesaf yn dangos y cod adfer i&apos;w gadw&apos;n ddiogel</translation>
    </message>
    <message>
        <source>Creating the account…</source>
        <translation>Yn creu&apos;r cyfrif…</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Gorffen</translation>
    </message>
</context>
<context>
    <name>SignInPanel</name>
    <message>
        <source>Who is signing in?</source>
        <translation>Pwy sy&apos;n mewngofnodi?</translation>
    </message>
    <message>
        <source>Staff members</source>
        <translation>Aelodau staff</translation>
    </message>
    <message>
        <source>Choose your own name: everything you do is recorded under it</source>
        <translation>Dewiswch eich enw eich hun: mae popeth rydych chi&apos;n ei wneud yn cael ei gofnodi o dan yr enw hwnnw</translation>
    </message>
    <message>
        <source>Choose your name, then type your PIN.</source>
        <translation>Dewiswch eich enw, yna teipiwch eich PIN.</translation>
    </message>
    <message>
        <source>Head teacher: forgotten PIN?</source>
        <translation>Pennaeth: wedi anghofio&apos;r PIN?</translation>
    </message>
    <message>
        <source>Use the recovery code shown when the app was set up to choose a new head-teacher PIN</source>
        <translation>Defnyddiwch y cod adfer a ddangoswyd pan gafodd yr ap ei osod i ddewis PIN newydd i&apos;r pennaeth</translation>
    </message>
    <message>
        <source>Press “Sign in”.</source>
        <translation>Pwyswch “Mewngofnodi”.</translation>
    </message>
    <message>
        <source>Type your PIN.</source>
        <translation>Teipiwch eich PIN.</translation>
    </message>
    <message>
        <source>Choose your name in the list first; your PIN is kept. Then press “Sign in”.</source>
        <translation>Dewiswch eich enw yn y rhestr yn gyntaf; mae eich PIN yn cael ei gadw. Yna pwyswch “Mewngofnodi”.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wrthi&apos;n gwirio…</translation>
    </message>
    <message>
        <source>The PIN could not be checked: {error}. Try again; if it keeps happening, restart the app.</source>
        <translation>Nid oedd modd gwirio&apos;r PIN: {error}. Rhowch gynnig arall; os yw&apos;n dal i ddigwydd, ailgychwynnwch yr ap.</translation>
    </message>
</context>
<context>
    <name>Staff</name>
    <message>
        <source>The school must always have an active head teacher in the app. Add or promote another head teacher first.</source>
        <translation>Rhaid i&apos;r ysgol gael pennaeth actif yn yr ap bob amser. Ychwanegwch bennaeth arall, neu rhowch rôl pennaeth i rywun arall, yn gyntaf.</translation>
    </message>
    <message>
        <source>{role} (approver)</source>
        <translation>{role} (cymeradwywr)</translation>
    </message>
    <message>
        <source>Type the person&apos;s name as the staff will recognise it, e.g. Mrs Patel.</source>
        <translation>Teipiwch enw&apos;r person fel y bydd y staff yn ei adnabod, e.e. Mrs Patel.</translation>
    </message>
    <message>
        <source>Keep the name under {count} characters.</source>
        <translation>Cadwch yr enw o dan {count} nod.</translation>
    </message>
    <message>
        <source>The name contains characters that cannot be shown.</source>
        <translation>Mae&apos;r enw&apos;n cynnwys nodau nad oes modd eu dangos.</translation>
    </message>
    <message>
        <source>The head teacher&apos;s account is already set up. Sign in instead.</source>
        <translation>Mae cyfrif y pennaeth wedi&apos;i osod yn barod. Mewngofnodwch yn lle hynny.</translation>
    </message>
    <message>
        <source>Signed in as {name}.</source>
        <translation>Wedi mewngofnodi fel {name}.</translation>
    </message>
    <message>
        <source>Choose a new PIN that is different from your current one.</source>
        <translation>Dewiswch PIN newydd sy&apos;n wahanol i&apos;ch un presennol.</translation>
    </message>
    <message>
        <source>No head teacher has been set up yet.</source>
        <translation>Does dim pennaeth wedi&apos;i osod eto.</translation>
    </message>
    <message>
        <source>The head-teacher PIN is locked after too many wrong tries. The head teacher can unlock it with the recovery code.</source>
        <translation>Mae PIN y pennaeth wedi&apos;i gloi ar ôl gormod o gynigion anghywir. Gall y pennaeth ei ddatgloi gyda&apos;r cod adfer.</translation>
    </message>
    <message>
        <source>This needs the head teacher to type their PIN.</source>
        <translation>Mae angen i&apos;r pennaeth deipio ei PIN ar gyfer hyn.</translation>
    </message>
    <message>
        <source>Head-teacher PIN accepted.</source>
        <translation>PIN y pennaeth wedi&apos;i dderbyn.</translation>
    </message>
    <message>
        <source>Too many wrong head-teacher PINs were typed from your account, so it cannot ask for the head-teacher PIN for now. Ask the head teacher to unlock your PIN on the Staff tab.</source>
        <translation>Cafodd gormod o PINau pennaeth anghywir eu teipio o&apos;ch cyfrif, felly ni all ofyn am PIN y pennaeth am y tro. Gofynnwch i&apos;r pennaeth ddatgloi eich PIN ar y tab Staff.</translation>
    </message>
    <message>
        <source>{name} is already on the staff list. Use a name that tells them apart, e.g. with a first name or initial.</source>
        <translation>Mae {name} ar y rhestr staff yn barod. Defnyddiwch enw sy&apos;n gwahaniaethu rhyngddyn nhw, e.e. gydag enw cyntaf neu lythyren gyntaf.</translation>
    </message>
    <message>
        <source>Someone called {name} is already active. Rename one first.</source>
        <translation>Mae rhywun o&apos;r enw {name} yn actif yn barod. Ailenwch un ohonyn nhw yn gyntaf.</translation>
    </message>
    <message>
        <source>The head teacher always keeps every permission.</source>
        <translation>Mae&apos;r pennaeth bob amser yn cadw pob hawl.</translation>
    </message>
    <message>
        <source>No recovery code has been issued on this computer.</source>
        <translation>Does dim cod adfer wedi&apos;i roi ar y cyfrifiadur hwn.</translation>
    </message>
    <message>
        <source>That recovery code is not right. Check it against the copy written down when the app was set up.</source>
        <translation>Nid yw&apos;r cod adfer hwnnw&apos;n gywir. Gwiriwch ef yn erbyn y copi a ysgrifennwyd pan gafodd yr ap ei osod.</translation>
    </message>
    <message>
        <source>Your PIN is locked after too many wrong tries. Use “Forgotten PIN?” with the recovery code, or ask another head teacher to unlock it.</source>
        <translation>Mae eich PIN wedi&apos;i gloi ar ôl gormod o gynigion anghywir. Defnyddiwch “Wedi anghofio&apos;r PIN?” gyda&apos;r cod adfer, neu gofynnwch i bennaeth arall ei ddatgloi.</translation>
    </message>
    <message>
        <source>Your PIN is locked after too many wrong tries. Ask the head teacher to unlock it.</source>
        <translation>Mae eich PIN wedi&apos;i gloi ar ôl gormod o gynigion anghywir. Gofynnwch i&apos;r pennaeth ei ddatgloi.</translation>
    </message>
    <message>
        <source>Use the recovery code to unlock it.</source>
        <translation>Defnyddiwch y cod adfer i&apos;w ddatgloi.</translation>
    </message>
    <message>
        <source>Ask the head teacher to unlock it.</source>
        <translation>Gofynnwch i&apos;r pennaeth ei ddatgloi.</translation>
    </message>
    <message>
        <source>Your current PIN is not right. Try again.</source>
        <translation>Nid yw eich PIN presennol yn gywir. Rhowch gynnig arall arni.</translation>
    </message>
    <message>
        <source>That PIN is not right. Try again.</source>
        <translation>Nid yw&apos;r PIN hwnnw&apos;n gywir. Rhowch gynnig arall arni.</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>Mewngofnodwch yn gyntaf.</translation>
    </message>
    <message>
        <source>Your account is no longer active. Ask the head teacher.</source>
        <translation>Nid yw eich cyfrif yn actif mwyach. Gofynnwch i&apos;r pennaeth.</translation>
    </message>
    <message>
        <source>{role} accounts may not do this ({permission}). Ask the head teacher.</source>
        <translation>Ni chaiff cyfrifon {role} wneud hyn ({permission}). Gofynnwch i&apos;r pennaeth.</translation>
    </message>
    <message>
        <source>That person is not on the staff list.</source>
        <translation>Nid yw&apos;r person hwnnw ar y rhestr staff.</translation>
    </message>
    <message>
        <source>There is no active head teacher to recover.</source>
        <translation>Does dim pennaeth actif i&apos;w adfer.</translation>
    </message>
    <message>
        <source>That name is not on the staff list. Ask the head teacher.</source>
        <translation>Nid yw&apos;r enw hwnnw ar y rhestr staff. Gofynnwch i&apos;r pennaeth.</translation>
    </message>
    <message>
        <source>Your current PIN is not right, and it is now locked after {count} wrong tries. {unlock}</source>
        <translation>Nid yw eich PIN presennol yn gywir, ac mae bellach wedi&apos;i gloi ar ôl {count} cynnig anghywir. {unlock}</translation>
    </message>
    <message>
        <source>That PIN is not right, and it is now locked after {count} wrong tries. {unlock}</source>
        <translation>Nid yw&apos;r PIN hwnnw&apos;n gywir, ac mae bellach wedi&apos;i gloi ar ôl {count} cynnig anghywir. {unlock}</translation>
    </message>
    <message>
        <source>Your current PIN is not right. Wait {wait} before trying again.</source>
        <translation>Nid yw eich PIN presennol yn gywir. Arhoswch {wait} cyn rhoi cynnig arall arni.</translation>
    </message>
    <message>
        <source>That PIN is not right. Wait {wait} before trying again.</source>
        <translation>Nid yw&apos;r PIN hwnnw&apos;n gywir. Arhoswch {wait} cyn rhoi cynnig arall arni.</translation>
    </message>
</context>
<context>
    <name>StaffTab</name>
    <message>
        <source>Staff members</source>
        <translation>Aelodau staff</translation>
    </message>
    <message>
        <source>Choose a person here, then use the buttons below to change them</source>
        <translation>Dewiswch berson yma, yna defnyddiwch y botymau isod i&apos;w newid</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Enw</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôl</translation>
    </message>
    <message>
        <source>Approver</source>
        <translation>Cymeradwywr</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statws</translation>
    </message>
    <message>
        <source>Add a member of staff…</source>
        <translation>Ychwanegu aelod o staff…</translation>
    </message>
    <message>
        <source>Give someone their own PIN to sign in with; needs the head-teacher PIN</source>
        <translation>Rhoi PIN personol i rywun i fewngofnodi ag ef; angen PIN y pennaeth</translation>
    </message>
    <message>
        <source>New role for the selected person</source>
        <translation>Rôl newydd i&apos;r person a ddewiswyd</translation>
    </message>
    <message>
        <source>The role “Change role” gives the person chosen in the list</source>
        <translation>Y rôl y mae “Newid rôl” yn ei rhoi i&apos;r person a ddewiswyd yn y rhestr</translation>
    </message>
    <message>
        <source>Choose a person first</source>
        <translation>Dewiswch berson yn gyntaf</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>Newid rôl</translation>
    </message>
    <message>
        <source>Give the chosen person the role shown beside this button; needs the head-teacher PIN</source>
        <translation>Rhoi&apos;r rôl sydd wrth ymyl y botwm hwn i&apos;r person a ddewiswyd; angen PIN y pennaeth</translation>
    </message>
    <message>
        <source>Approver on/off</source>
        <translation>Cymeradwywr ymlaen/i ffwrdd</translation>
    </message>
    <message>
        <source>Let this person approve other people&apos;s tweets, or stop</source>
        <translation>Caniatáu i&apos;r person hwn gymeradwyo negeseuon pobl eraill, neu roi stop ar hynny</translation>
    </message>
    <message>
        <source>Deactivate / reactivate</source>
        <translation>Dadactifadu / ailactifadu</translation>
    </message>
    <message>
        <source>A deactivated person can no longer sign in; their past actions stay in the audit log</source>
        <translation>Ni all person sydd wedi&apos;i ddadactifadu fewngofnodi mwyach; mae ei weithredoedd blaenorol yn aros yn y log archwilio</translation>
    </message>
    <message>
        <source>Unlock PIN</source>
        <translation>Datgloi PIN</translation>
    </message>
    <message>
        <source>Lift the lock after too many wrong PINs</source>
        <translation>Codi&apos;r clo ar ôl rhoi PIN anghywir ormod o weithiau</translation>
    </message>
    <message>
        <source>Set a new PIN…</source>
        <translation>Gosod PIN newydd…</translation>
    </message>
    <message>
        <source>For someone who forgot their PIN: choose a new one for them; needs the head-teacher PIN</source>
        <translation>I rywun sydd wedi anghofio ei PIN: dewiswch un newydd iddyn nhw; angen PIN y pennaeth</translation>
    </message>
    <message>
        <source>What each role may do</source>
        <translation>Beth y caiff pob rôl ei wneud</translation>
    </message>
    <message>
        <source>Tick or untick what each role may do (Space toggles the chosen box), then save the changes</source>
        <translation>Ticiwch neu dad-diciwch yr hyn y caiff pob rôl ei wneud (mae&apos;r Bylchwr yn ticio neu&apos;n dad-dicio&apos;r blwch a ddewiswyd), yna cadwch y newidiadau</translation>
    </message>
    <message>
        <source>Save role changes…</source>
        <translation>Cadw newidiadau i&apos;r rolau…</translation>
    </message>
    <message>
        <source>Save the ticks in the table above; needs the head-teacher PIN</source>
        <translation>Cadw&apos;r ticiau yn y tabl uchod; angen PIN y pennaeth</translation>
    </message>
    <message>
        <source>New recovery code…</source>
        <translation>Cod adfer newydd…</translation>
    </message>
    <message>
        <source>If the written copy of the head teacher&apos;s recovery code is lost: a new code is shown once and the old one stops working; needs the head-teacher PIN</source>
        <translation>Os yw copi ysgrifenedig cod adfer y pennaeth wedi&apos;i golli: caiff cod newydd ei ddangos unwaith a bydd yr hen un yn peidio â gweithio; angen PIN y pennaeth</translation>
    </message>
    <message>
        <source>Staff who use the app</source>
        <translation>Staff sy&apos;n defnyddio&apos;r ap</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ie</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>Wedi&apos;i ddadactifadu</translation>
    </message>
    <message>
        <source>add {name} as {role}</source>
        <translation>ychwanegu {name} fel {role}</translation>
    </message>
    <message>
        <source>{name} can now sign in with their PIN.</source>
        <translation>Gall {name} fewngofnodi â&apos;i PIN nawr.</translation>
    </message>
    <message>
        <source>Choose a person in the list first.</source>
        <translation>Dewiswch berson yn y rhestr yn gyntaf.</translation>
    </message>
    <message>
        <source>make {name} {role}</source>
        <translation>rhoi rôl {role} i {name}</translation>
    </message>
    <message>
        <source>{name} is now {role}.</source>
        <translation>Rôl {name} nawr: {role}.</translation>
    </message>
    <message>
        <source>let {name} approve tweets</source>
        <translation>gadael i {name} gymeradwyo negeseuon</translation>
    </message>
    <message>
        <source>{name} may approve tweets.</source>
        <translation>Caiff {name} gymeradwyo negeseuon.</translation>
    </message>
    <message>
        <source>stop {name} approving tweets</source>
        <translation>atal {name} rhag cymeradwyo negeseuon</translation>
    </message>
    <message>
        <source>{name} may no longer approve tweets.</source>
        <translation>Ni chaiff {name} gymeradwyo negeseuon mwyach.</translation>
    </message>
    <message>
        <source>reactivate {name}</source>
        <translation>ailactifadu {name}</translation>
    </message>
    <message>
        <source>{name} is active again.</source>
        <translation>Mae {name} yn actif eto.</translation>
    </message>
    <message>
        <source>deactivate {name}</source>
        <translation>dadactifadu {name}</translation>
    </message>
    <message>
        <source>{name} is deactivated.</source>
        <translation>Mae cyfrif {name} wedi&apos;i ddadactifadu.</translation>
    </message>
    <message>
        <source>unlock {name}&apos;s PIN</source>
        <translation>datgloi PIN {name}</translation>
    </message>
    <message>
        <source>{name} can try their PIN again.</source>
        <translation>Gall {name} roi cynnig ar y PIN eto.</translation>
    </message>
    <message>
        <source>set a new PIN for {name}</source>
        <translation>gosod PIN newydd i {name}</translation>
    </message>
    <message>
        <source>{name} has a new PIN; tell them in person.</source>
        <translation>Mae gan {name} PIN newydd; dywedwch wrthyn nhw wyneb yn wyneb.</translation>
    </message>
    <message>
        <source>No role changes to save. Tick or untick boxes in the table first.</source>
        <translation>Does dim newidiadau i&apos;r rolau i&apos;w cadw. Ticiwch neu dad-diciwch flychau yn y tabl yn gyntaf.</translation>
    </message>
    <message>
        <source>change what roles may do</source>
        <translation>newid yr hyn y caiff rolau ei wneud</translation>
    </message>
    <message>
        <source>{count} role change(s) saved.</source>
        <translation>Newidiadau i rolau wedi&apos;u cadw: {count}.</translation>
    </message>
    <message>
        <source>issue a new recovery code</source>
        <translation>rhoi cod adfer newydd</translation>
    </message>
    <message>
        <source>A new recovery code was issued; the old one no longer works.</source>
        <translation>Rhoddwyd cod adfer newydd; nid yw&apos;r hen un yn gweithio mwyach.</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>The X account&apos;s keys are missing from this computer&apos;s keyring; using the practice account. Ask the head teacher to reconnect X.</source>
        <translation>Mae allweddi cyfrif X ar goll o storfa allweddi&apos;r cyfrifiadur hwn; mae&apos;r cyfrif ymarfer yn cael ei ddefnyddio. Gofynnwch i&apos;r pennaeth ailgysylltu X.</translation>
    </message>
    <message>
        <source>St Peter&apos;s Desk is already open for this data folder; that window has been brought to the front.</source>
        <translation>Mae St Peter&apos;s Desk eisoes ar agor ar gyfer y ffolder data hwn; mae&apos;r ffenestr honno wedi&apos;i dwyn i&apos;r blaen.</translation>
    </message>
    <message>
        <source>St Peter&apos;s Desk is already open for this data folder, but its window did not answer: it may still be starting or showing a dialog (such as the set-up window), so look for it on the screen. If it is not open anywhere, the lock {path} belongs to a program that stopped answering: restart the computer.</source>
        <translation>Mae St Peter&apos;s Desk eisoes ar agor ar gyfer y ffolder data hwn, ond ni atebodd ei ffenestr: efallai ei bod yn dal i ddechrau neu&apos;n dangos blwch deialog (fel y ffenestr gosod), felly chwiliwch amdani ar y sgrin. Os nad yw ar agor yn unman, mae&apos;r clo {path} yn perthyn i raglen a roddodd y gorau i ateb: ailgychwynnwch y cyfrifiadur.</translation>
    </message>
    <message>
        <source>The database needs attention</source>
        <translation>Mae angen sylw ar y gronfa ddata</translation>
    </message>
</context>
<context>
    <name>TableSorting</name>
    <message>
        <source>Sort by {column}</source>
        <translation>Trefnu yn ôl {column}</translation>
    </message>
    <message>
        <source>In the list&apos;s own order.</source>
        <translation>Yn nhrefn y rhestr ei hun.</translation>
    </message>
    <message>
        <source>Sorted by {column}: A to Z, lowest or oldest first.</source>
        <translation>Wedi&apos;i drefnu yn ôl {column}: A i Z, isaf neu hynaf yn gyntaf.</translation>
    </message>
    <message>
        <source>Sorted by {column}: Z to A, highest or newest first.</source>
        <translation>Wedi&apos;i drefnu yn ôl {column}: Z i A, uchaf neu newyddaf yn gyntaf.</translation>
    </message>
    <message>
        <source>Ctrl+Shift and a column&apos;s number sort by it; the same keys again reverse it; Ctrl+Shift+0 puts back the list&apos;s own order. The menu key lists every choice.</source>
        <translation>Mae Ctrl+Shift a rhif colofn yn trefnu yn ôl y golofn honno; mae&apos;r un bysellau eto yn gwrthdroi&apos;r drefn; mae Ctrl+Shift+0 yn adfer trefn y rhestr ei hun. Mae&apos;r fysell dewislen yn rhestru pob dewis.</translation>
    </message>
</context>
<context>
    <name>Tabs</name>
    <message>
        <source>Compose</source>
        <translation>Ysgrifennu</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Lluniau</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>Cymeradwyo</translation>
    </message>
    <message>
        <source>Moderation</source>
        <translation>Cymedroli</translation>
    </message>
    <message>
        <source>Followers</source>
        <translation>Dilynwyr</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Archwilio</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Gosodiadau</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>Polisi</translation>
    </message>
</context>
<context>
    <name>TweetTextDialog</name>
    <message>
        <source>Tweet text</source>
        <translation>Testun y neges</translation>
    </message>
    <message>
        <source>Characters used</source>
        <translation>Nodau a ddefnyddiwyd</translation>
    </message>
    <message>
        <source>X counts most letters as 1, emoji as 2 and every web link as 23; the button works again once the tweet fits.</source>
        <translation>Mae X yn cyfrif y rhan fwyaf o lythrennau fel 1, emoji fel 2 a phob dolen we fel 23; bydd y botwm yn gweithio eto unwaith y bydd y neges yn ffitio.</translation>
    </message>
    <message>
        <source>Goes ahead with the words as they are in the box</source>
        <translation>Yn bwrw ymlaen gyda&apos;r geiriau fel y maen nhw yn y blwch</translation>
    </message>
    <message>
        <source>{used} of {limit} characters</source>
        <translation>{used} o {limit} nod</translation>
    </message>
</context>
<context>
    <name>WordLists</name>
    <message>
        <source>accusation of abuse</source>
        <translation>cyhuddiad o gam-drin</translation>
    </message>
    <message>
        <source>adult content</source>
        <translation>cynnwys i oedolion</translation>
    </message>
    <message>
        <source>advertising</source>
        <translation>hysbysebu</translation>
    </message>
    <message>
        <source>asks for private messages</source>
        <translation>gofyn am negeseuon preifat</translation>
    </message>
    <message>
        <source>complaint or criticism</source>
        <translation>cwyn neu feirniadaeth</translation>
    </message>
    <message>
        <source>crypto and get-rich-quick</source>
        <translation>cripto a chyfoethogi&apos;n gyflym</translation>
    </message>
    <message>
        <source>discriminatory slur</source>
        <translation>sarhad gwahaniaethol</translation>
    </message>
    <message>
        <source>gambling</source>
        <translation>gamblo</translation>
    </message>
    <message>
        <source>insult aimed at people</source>
        <translation>sarhad wedi&apos;i anelu at bobl</translation>
    </message>
    <message>
        <source>mild swearing</source>
        <translation>rhegi ysgafn</translation>
    </message>
    <message>
        <source>name-calling</source>
        <translation>galw enwau</translation>
    </message>
    <message>
        <source>possible threat</source>
        <translation>bygythiad posibl</translation>
    </message>
    <message>
        <source>questioning a decision</source>
        <translation>cwestiynu penderfyniad</translation>
    </message>
    <message>
        <source>remark that may undermine the school</source>
        <translation>sylw a allai danseilio&apos;r ysgol</translation>
    </message>
    <message>
        <source>remark undermining the school or its staff</source>
        <translation>sylw sy&apos;n tanseilio&apos;r ysgol neu ei staff</translation>
    </message>
    <message>
        <source>safeguarding or personal concern</source>
        <translation>pryder diogelu neu bersonol</translation>
    </message>
    <message>
        <source>sarcasm cue</source>
        <translation>arwydd o goegni</translation>
    </message>
    <message>
        <source>sarcasm</source>
        <translation>coegni</translation>
    </message>
    <message>
        <source>school and village life</source>
        <translation>bywyd yr ysgol a&apos;r pentref</translation>
    </message>
    <message>
        <source>selling followers or likes</source>
        <translation>gwerthu dilynwyr neu hoffiadau</translation>
    </message>
    <message>
        <source>sexual content</source>
        <translation>cynnwys rhywiol</translation>
    </message>
    <message>
        <source>sexual or adult content</source>
        <translation>cynnwys rhywiol neu i oedolion</translation>
    </message>
    <message>
        <source>spam sign</source>
        <translation>arwydd o sbam</translation>
    </message>
    <message>
        <source>spam word</source>
        <translation>gair sbam</translation>
    </message>
    <message>
        <source>spam</source>
        <translation>sbam</translation>
    </message>
    <message>
        <source>strong swearing</source>
        <translation>rhegi cryf</translation>
    </message>
    <message>
        <source>threat</source>
        <translation>bygythiad</translation>
    </message>
</context>
<context>
    <name>XError</name>
    <message>
        <source>X could not do that.</source>
        <translation>Doedd X ddim yn gallu gwneud hynny.</translation>
    </message>
    <message>
        <source>Try again later. If it keeps happening, tell the head teacher.</source>
        <translation>Rhowch gynnig arall yn nes ymlaen. Os yw&apos;n dal i ddigwydd, dywedwch wrth y pennaeth.</translation>
    </message>
    <message>
        <source>{message} {next_step}</source>
        <translation>{message} {next_step}</translation>
    </message>
    <message>
        <source>X did not accept the school account&apos;s sign-in details.</source>
        <translation>Ni dderbyniodd X fanylion mewngofnodi cyfrif yr ysgol.</translation>
    </message>
    <message>
        <source>Ask the head teacher to reconnect the X account in Settings. Your tweet is kept in the outbox.</source>
        <translation>Gofynnwch i&apos;r pennaeth ailgysylltu&apos;r cyfrif X yn y Gosodiadau. Mae eich neges yn cael ei chadw yn y blwch anfon.</translation>
    </message>
    <message>
        <source>The school&apos;s X plan does not allow this feature.</source>
        <translation>Nid yw cynllun X yr ysgol yn caniatáu&apos;r nodwedd hon.</translation>
    </message>
    <message>
        <source>Nothing else is affected. If the school needs this, the head teacher can ask for it when choosing the school&apos;s X plan.</source>
        <translation>Nid effeithir ar ddim byd arall. Os oes angen hyn ar yr ysgol, gall y pennaeth ofyn amdano wrth ddewis cynllun X yr ysgol.</translation>
    </message>
    <message>
        <source>It starts again next month. Tweets in the outbox wait until then; nothing is lost.</source>
        <translation>Mae&apos;n dechrau eto fis nesaf. Mae negeseuon yn y blwch anfon yn aros tan hynny; does dim yn cael ei golli.</translation>
    </message>
    <message>
        <source>The school&apos;s X account has reached X&apos;s daily limit for this; it starts again {when}.</source>
        <translation>Mae cyfrif X yr ysgol wedi cyrraedd terfyn dyddiol X ar gyfer hyn; mae&apos;n dechrau eto {when}.</translation>
    </message>
    <message>
        <source>Tweets in the outbox wait until then; nothing is lost.</source>
        <translation>Mae negeseuon yn y blwch anfon yn aros tan hynny; does dim yn cael ei golli.</translation>
    </message>
    <message>
        <source>Try again after that; tweets in the outbox wait until then. Nothing is lost.</source>
        <translation>Rhowch gynnig arall arni ar ôl hynny; mae negeseuon yn y blwch anfon yn aros tan hynny. Does dim yn cael ei golli.</translation>
    </message>
    <message>
        <source>Try again in a few minutes; tweets in the outbox wait. Nothing is lost.</source>
        <translation>Rhowch gynnig arall arni ymhen ychydig funudau; mae negeseuon yn y blwch anfon yn aros. Does dim yn cael ei golli.</translation>
    </message>
    <message>
        <source>Check the internet connection and try again. Tweets in the outbox are sent by themselves when the connection is back.</source>
        <translation>Gwiriwch y cysylltiad rhyngrwyd a rhowch gynnig arall arni. Anfonir negeseuon yn y blwch anfon ohonynt eu hunain pan ddaw&apos;r cysylltiad yn ôl.</translation>
    </message>
    <message>
        <source>Nothing needs doing: refresh the list to see what is there now.</source>
        <translation>Does dim angen gwneud dim: adnewyddwch y rhestr i weld beth sydd yno nawr.</translation>
    </message>
    <message>
        <source>The school&apos;s X account has used its monthly allowance.</source>
        <translation>Mae cyfrif X yr ysgol wedi defnyddio ei lwfans misol.</translation>
    </message>
    <message>
        <source>X did not accept the request because this computer&apos;s clock is {minutes} minutes fast.</source>
        <translation>Ni dderbyniodd X y cais oherwydd bod cloc y cyfrifiadur hwn {minutes} munud yn fuan.</translation>
    </message>
    <message>
        <source>X did not accept the request because this computer&apos;s clock is {minutes} minutes slow.</source>
        <translation>Ni dderbyniodd X y cais oherwydd bod cloc y cyfrifiadur hwn {minutes} munud yn hwyr.</translation>
    </message>
    <message>
        <source>Set the computer&apos;s clock to the right time (and to set itself automatically); the X account does not need reconnecting. Tweets wait in the outbox.</source>
        <translation>Gosodwch gloc y cyfrifiadur i&apos;r amser cywir (ac i osod ei hun yn awtomatig); does dim angen ailgysylltu cyfrif X. Mae negeseuon yn aros yn y blwch anfon.</translation>
    </message>
    <message>
        <source>X asks us to slow down until {time}.</source>
        <translation>Mae X yn gofyn i ni arafu tan {time}.</translation>
    </message>
    <message>
        <source>X asks us to slow down for a while.</source>
        <translation>Mae X yn gofyn i ni arafu am ychydig.</translation>
    </message>
    <message>
        <source>The school&apos;s X account has run out of API credits.</source>
        <translation>Mae credydau API cyfrif X yr ysgol wedi dod i ben.</translation>
    </message>
    <message>
        <source>Ask the head teacher to top up the X developer account. Tweets wait in the outbox.</source>
        <translation>Gofynnwch i&apos;r pennaeth ychwanegu credyd at gyfrif datblygwr X. Bydd negeseuon yn aros yn y blwch anfon.</translation>
    </message>
    <message>
        <source>This month&apos;s reads from X have reached the limit the head teacher set, so replies and followers are not fetched.</source>
        <translation>Mae darlleniadau&apos;r mis hwn o X wedi cyrraedd y terfyn a osododd y pennaeth, felly ni chaiff atebion a dilynwyr eu nôl.</translation>
    </message>
    <message>
        <source>They are fetched again from the 1st of next month, or the head teacher can raise the limit in Settings.</source>
        <translation>Cânt eu nôl eto o&apos;r 1af o&apos;r mis nesaf, neu gall y pennaeth godi&apos;r terfyn yn y Gosodiadau.</translation>
    </message>
    <message>
        <source>This computer cannot reach X just now.</source>
        <translation>Dydy&apos;r cyfrifiadur hwn ddim yn gallu cyrraedd X ar hyn o bryd.</translation>
    </message>
    <message>
        <source>Change the tweet and try again.</source>
        <translation>Newidiwch y neges a rhowch gynnig arall.</translation>
    </message>
    <message>
        <source>at {time} today</source>
        <translation>am {time} heddiw</translation>
    </message>
    <message>
        <source>at {time} tomorrow</source>
        <translation>am {time} yfory</translation>
    </message>
    <message>
        <source>at {time} on {date}</source>
        <translation>am {time} ar {date}</translation>
    </message>
    <message>
        <source>X says this exact tweet has already been posted.</source>
        <translation>Mae X yn dweud bod yr union neges hon wedi&apos;i phostio&apos;n barod.</translation>
    </message>
    <message>
        <source>X says the tweet is too long.</source>
        <translation>Mae X yn dweud bod y neges yn rhy hir.</translation>
    </message>
    <message>
        <source>X cannot find that post any more; it may already be deleted.</source>
        <translation>Dydy X ddim yn gallu dod o hyd i&apos;r neges honno mwyach; efallai ei bod wedi&apos;i dileu&apos;n barod.</translation>
    </message>
    <message>
        <source>X refused one of the photos.</source>
        <translation>Gwrthododd X un o&apos;r lluniau.</translation>
    </message>
    <message>
        <source>X refused this.</source>
        <translation>Gwrthododd X hyn.</translation>
    </message>
    <message>
        <source>X sent an answer the app could not read.</source>
        <translation>Anfonodd X ateb nad oedd yr ap yn gallu ei ddarllen.</translation>
    </message>
    <message>
        <source>X is having problems just now.</source>
        <translation>Mae X yn cael problemau ar hyn o bryd.</translation>
    </message>
    <message>
        <source>Nothing is lost. Try again in a few minutes; tweets in the outbox are retried by themselves.</source>
        <translation>Does dim yn cael ei golli. Rhowch gynnig arall arni ymhen ychydig funudau; rhoddir cynnig arall ar negeseuon yn y blwch anfon ohonynt eu hunain.</translation>
    </message>
    <message>
        <source>X took too long to answer.</source>
        <translation>Cymerodd X ormod o amser i ateb.</translation>
    </message>
    <message>
        <source>Something between this computer and X answered instead of X.</source>
        <translation>Atebodd rhywbeth rhwng y cyfrifiadur hwn ac X yn lle X.</translation>
    </message>
    <message>
        <source>Shorten the tweet and try again.</source>
        <translation>Byrhewch y neges a rhowch gynnig arall arni.</translation>
    </message>
    <message>
        <source>Prepare the photo again on the Photos tab, then retry.</source>
        <translation>Paratowch y llun eto ar y tab Lluniau, yna rhowch gynnig arall arni.</translation>
    </message>
    <message>
        <source>X refused to do that.</source>
        <translation>Gwrthododd X wneud hynny.</translation>
    </message>
    <message>
        <source>Check what you were doing and try again; tell the head teacher if it keeps happening.</source>
        <translation>Gwiriwch beth roeddech chi&apos;n ei wneud a rhowch gynnig arall arni; dywedwch wrth y pennaeth os yw&apos;n dal i ddigwydd.</translation>
    </message>
    <message>
        <source>The school&apos;s X connection is only allowed to read, not to change anything.</source>
        <translation>Dim ond darllen y caiff cysylltiad X yr ysgol ei wneud, nid newid dim.</translation>
    </message>
    <message>
        <source>Ask the head teacher to give the X developer app &apos;Read and write&apos; permission and then reconnect the account in Settings.</source>
        <translation>Gofynnwch i&apos;r pennaeth roi caniatâd &apos;Read and write&apos; i ap datblygwr X ac yna ailgysylltu&apos;r cyfrif yn y Gosodiadau.</translation>
    </message>
    <message>
        <source>The school&apos;s X plan does not allow this ({feature}).</source>
        <translation>Nid yw cynllun X yr ysgol yn caniatáu hyn ({feature}).</translation>
    </message>
    <message>
        <source>Look at the school&apos;s timeline: it is almost certainly there already, so nothing needs doing.</source>
        <translation>Edrychwch ar ffrwd yr ysgol: mae bron yn sicr yno&apos;n barod, felly does dim angen gwneud dim.</translation>
    </message>
    <message>
        <source>X did not accept the sign-in.</source>
        <translation>Ni dderbyniodd X y mewngofnodi.</translation>
    </message>
    <message>
        <source>Check the developer app&apos;s API key and secret, or the PIN X showed, and try again.</source>
        <translation>Gwiriwch allwedd API a chyfrinach ap y datblygwr, neu&apos;r PIN a ddangosodd X, a rhowch gynnig arall arni.</translation>
    </message>
</context>
<context>
    <name>XUsage</name>
    <message>
        <source>Type a limit from 0 (no limit) to {most}.</source>
        <translation>Teipiwch derfyn o 0 (dim terfyn) i {most}.</translation>
    </message>
</context>
</TS>
